using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    /// <inheritdoc />
    public async Task<VolumeInfo> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = new VolumeCreateBody
        {
            Name = spec.Name,
            Driver = spec.Driver,
            Labels = spec.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels) : null,
            DriverOpts = spec.DriverOptions is { Count: > 0 } options ? new Dictionary<string, string>(options) : null,
        };
        try
        {
            var dto = await RequestJsonAsync(HttpMethod.Post, "/volumes/create", Json(body, EngineJsonContext.Default.VolumeCreateBody), EngineJsonContext.Default.VolumeDto, EngineOperation.On("create", "volume", spec.Name), cancellationToken).ConfigureAwait(false);
            return NetworkVolumeMapper.ToVolume(dto);
        }
        catch (EngineConflictException)
        {
            // Docker returns an existing volume unchanged; Podman answers 409. Make both behave like Docker.
            return await InspectVolumeAsync(spec.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<VolumeInfo> InspectVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/volumes/{Escape(name)}", null, EngineJsonContext.Default.VolumeDto, EngineOperation.On("inspect", "volume", name), cancellationToken).ConfigureAwait(false);
        return NetworkVolumeMapper.ToVolume(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new Query("/volumes").Filters(Query.Labels(labels));
        var answer = await RequestJsonAsync(HttpMethod.Get, query.ToString(), null, EngineJsonContext.Default.VolumeListDto, EngineOperation.General("list volumes"), cancellationToken).ConfigureAwait(false);
        // Podman ORs several label filters on volumes: apply Docker's AND here.
        return (answer.Volumes ?? []).Select(NetworkVolumeMapper.ToVolume).Where(v => LabelFilter.Matches(v.Labels, labels)).ToList();
    }

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        var query = new Query($"/volumes/{Escape(name)}");
        if (force)
        {
            query.Add("force", true);
        }

        return RequestAsync(HttpMethod.Delete, query.ToString(), null, EngineOperation.On("remove", "volume", name), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PruneVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        if (labels is { Count: > 1 } && await GetEngineKindAsync(cancellationToken).ConfigureAwait(false) == EngineKind.Podman)
        {
            return await PruneVolumesOneByOneAsync(labels, cancellationToken).ConfigureAwait(false);
        }

        var query = new Query("/volumes/prune").Filters(Query.Labels(labels));
        var answer = await RequestJsonAsync(HttpMethod.Post, query.ToString(), null, EngineJsonContext.Default.VolumePruneDto, EngineOperation.General("prune volumes"), cancellationToken).ConfigureAwait(false);
        return answer.VolumesDeleted ?? [];
    }

    /// <summary>Prune for Podman, whose prune ORs several label filters (and would remove volumes with only one of them):
    /// list the volumes with all the labels, and remove each one no container uses.</summary>
    private async Task<IReadOnlyList<string>> PruneVolumesOneByOneAsync(IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var volume in await ListVolumesAsync(labels, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await RemoveVolumeAsync(volume.Name, force: false, cancellationToken).ConfigureAwait(false);
                removed.Add(volume.Name);
            }
            catch (EngineApiException ex) when (ex is EngineConflictException or EngineNotFoundException)
            {
                // In use (kept, as prune would), or already gone.
            }
        }

        return removed;
    }
}

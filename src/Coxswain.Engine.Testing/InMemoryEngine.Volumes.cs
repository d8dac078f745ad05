namespace Coxswain.Engine.Testing;

/// <summary>Volumes: created idempotently, in use while any container (running or not) mounts them.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task<VolumeInfo> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            Enter(nameof(CreateVolumeAsync));
            var name = string.IsNullOrEmpty(spec.Name) ? NewHexId() : spec.Name;
            if (!_volumes.TryGetValue(name, out var volume))
            {
                volume = new VolumeRecord(name, spec.Driver, new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>()), _time.GetUtcNow(), Anonymous: false);
                _volumes[name] = volume;
            }

            PublishVolume(volume, "create");
            return ToInfo(volume);
        }
    });

    /// <inheritdoc />
    public Task<VolumeInfo> InspectVolumeAsync(string name, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(InspectVolumeAsync));
            return ToInfo(_volumes.GetValueOrDefault(name)
                ?? throw new EngineNotFoundException($"inspect volume {name}", "volume", name, $"get {name}: no such volume"));
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<VolumeInfo>>(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(ListVolumesAsync));
                return _volumes.Values.Where(v => MatchesLabels(v.Labels, labels)).OrderBy(v => v.Name, StringComparer.Ordinal).Select(ToInfo).ToList();
            }
        });

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(RemoveVolumeAsync));
            var operation = $"remove volume {name}";
            if (!_volumes.TryGetValue(name, out var volume))
            {
                if (force)
                {
                    return;
                }

                throw new EngineNotFoundException(operation, "volume", name, $"get {name}: no such volume");
            }

            var users = Users(volume).ToList();
            if (users.Count > 0)
            {
                throw new EngineConflictException(operation, $"remove {name}: volume is in use - [{string.Join(", ", users.Select(c => c.Id))}]");
            }

            _volumes.Remove(name);
            PublishVolume(volume, "destroy");
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> PruneVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<string>>(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(PruneVolumesAsync));
                var pruned = _volumes.Values.Where(v => MatchesLabels(v.Labels, labels) && !Users(v).Any()).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
                foreach (var volume in pruned)
                {
                    _volumes.Remove(volume.Name);
                    PublishVolume(volume, "destroy");
                }

                return pruned.Select(v => v.Name).ToList();
            }
        });

    private IEnumerable<ContainerRecord> Users(VolumeRecord volume) =>
        _containers.Values.Where(c => c.Volumes.Any(v => v.Volume == volume.Name)).OrderBy(c => c.Sequence);

    private static VolumeInfo ToInfo(VolumeRecord volume) => new(volume.Name, volume.Driver, volume.Mountpoint)
    {
        Labels = new Dictionary<string, string>(volume.Labels),
    };
}

using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    /// <inheritdoc />
    public async Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = new NetworkCreateBody
        {
            Name = spec.Name,
            Driver = spec.Driver,
            Labels = spec.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels) : null,
            Internal = spec.Internal,
            Attachable = spec.Attachable,
            CheckDuplicate = true, // Docker 20.10 allows duplicate names without it.
        };
        var operation = EngineOperation.On("create", "network", spec.Name);
        try
        {
            var created = await RequestJsonAsync(HttpMethod.Post, "/networks/create", Json(body, EngineJsonContext.Default.NetworkCreateBody), EngineJsonContext.Default.IdResponseDto, operation, cancellationToken).ConfigureAwait(false);
            return created.Id ?? throw new EngineException($"{operation.Description} failed: the engine answered without an id");
        }
        catch (EngineApiException ex) when (ex is not EngineConflictException && ex.EngineMessage.Contains("already", StringComparison.OrdinalIgnoreCase))
        {
            // Podman answers 500 "network name x already used: network already exists".
            throw new EngineConflictException(operation.Description, ex.EngineMessage);
        }
    }

    /// <inheritdoc />
    public async Task<NetworkInfo> InspectNetworkAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/networks/{Escape(idOrName)}", null, EngineJsonContext.Default.NetworkDto, EngineOperation.On("inspect", "network", idOrName), cancellationToken).ConfigureAwait(false);
        return NetworkVolumeMapper.ToNetwork(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new Query("/networks").Filters(Query.Labels(labels));
        var list = await RequestJsonAsync(HttpMethod.Get, query.ToString(), null, EngineJsonContext.Default.ListNetworkDto, EngineOperation.General("list networks"), cancellationToken).ConfigureAwait(false);
        return list.Select(NetworkVolumeMapper.ToNetwork).Where(n => LabelFilter.Matches(n.Labels, labels)).ToList();
    }

    /// <inheritdoc />
    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default)
    {
        var body = new NetworkConnectBody
        {
            Container = container,
            EndpointConfig = new EndpointSettingsBody { Aliases = aliases is { Count: > 0 } ? aliases.ToList() : null },
        };
        var operation = new EngineOperation($"connect container {container} to network {network}", "network", network);
        return RequestAsync(HttpMethod.Post, $"/networks/{Escape(network)}/connect", Json(body, EngineJsonContext.Default.NetworkConnectBody), operation, cancellationToken);
    }

    /// <inheritdoc />
    public Task DisconnectNetworkAsync(string network, string container, bool force = false, CancellationToken cancellationToken = default)
    {
        var body = new NetworkDisconnectBody { Container = container, Force = force };
        var operation = new EngineOperation($"disconnect container {container} from network {network}", "network", network);
        return RequestAsync(HttpMethod.Post, $"/networks/{Escape(network)}/disconnect", Json(body, EngineJsonContext.Default.NetworkDisconnectBody), operation, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.On("remove", "network", idOrName);
        try
        {
            await RequestAsync(HttpMethod.Delete, $"/networks/{Escape(idOrName)}", null, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            // Docker answers 403 "network x has active endpoints" while containers are attached.
            throw new EngineConflictException(operation.Description, ex.EngineMessage);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PruneNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new Query("/networks/prune").Filters(Query.Labels(labels));
        var answer = await RequestJsonAsync(HttpMethod.Post, query.ToString(), null, EngineJsonContext.Default.NetworkPruneDto, EngineOperation.General("prune networks"), cancellationToken).ConfigureAwait(false);
        return answer.NetworksDeleted ?? [];
    }
}

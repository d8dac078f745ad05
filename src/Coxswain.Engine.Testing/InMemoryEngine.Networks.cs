using System.Net;

namespace Coxswain.Engine.Testing;

/// <summary>Networks: "bridge", "host" and "none" exist from the start; endpoints are live only while a container runs.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        lock (_gate)
        {
            Enter(nameof(CreateNetworkAsync));
            if (_networks.Values.Any(n => n.Name == spec.Name))
            {
                throw new EngineConflictException($"create network {spec.Name}", $"network with name {spec.Name} already exists");
            }

            var network = new NetworkRecord(NewHexId(), spec.Name, spec.Driver, new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>()),
                spec.Internal, Predefined: false, _time.GetUtcNow(), _nextSubnet++);
            _networks[network.Id] = network;
            PublishNetwork(network, "create");
            return network.Id;
        }
    });

    /// <inheritdoc />
    public Task<NetworkInfo> InspectNetworkAsync(string idOrName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(InspectNetworkAsync));
            var network = FindNetwork(idOrName)
                ?? throw new EngineNotFoundException($"inspect network {idOrName}", "network", idOrName, $"network {idOrName} not found");
            return ToInfo(network);
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<NetworkInfo>>(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(ListNetworksAsync));
                return _networks.Values.Where(n => MatchesLabels(n.Labels, labels)).OrderBy(n => n.Created).ThenBy(n => n.Name, StringComparer.Ordinal)
                    .Select(ToInfo).ToList();
            }
        });

    /// <inheritdoc />
    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default) =>
        Invoke(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(ConnectNetworkAsync));
                var operation = $"connect container {container} to network {network}";
                var n = FindNetwork(network) ?? throw new EngineNotFoundException(operation, "network", network, $"network {network} not found");
                var c = FindContainer(container, operation);
                if (n.Predefined && aliases is { Count: > 0 })
                {
                    throw new EngineApiException(operation, HttpStatusCode.BadRequest, "network-scoped alias is supported only for containers in user defined networks");
                }

                var existing = c.FindNetwork(n.Name);
                if (c.Status == ContainerStatus.Running)
                {
                    if (existing is not null)
                    {
                        throw new EngineApiException(operation, HttpStatusCode.Forbidden, $"endpoint with name {c.Name} already exists in network {n.Name}");
                    }

                    var endpoint = new NetworkEndpoint(n.Id, [.. aliases ?? [], .. n.Predefined ? Array.Empty<string>() : [c.Id[..12]]]);
                    if (n.Subnet > 0)
                    {
                        var host = _nextHostAddress.GetValueOrDefault(n.Id, 2);
                        _nextHostAddress[n.Id] = host + 1;
                        endpoint.IPAddress = $"172.{n.Subnet}.{host / 250}.{(host % 250) + 1}";
                    }

                    c.Networks.Add(new(n.Name, endpoint));
                    PublishNetwork(n, "connect", c.Id);
                }
                else if (existing is not null)
                {
                    existing.Aliases = aliases ?? [];
                }
                else
                {
                    c.Networks.Add(new(n.Name, new NetworkEndpoint(n.Id, aliases ?? [])));
                }

                Changed();
            }
        });

    /// <inheritdoc />
    public Task DisconnectNetworkAsync(string network, string container, bool force = false, CancellationToken cancellationToken = default) =>
        Invoke(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(DisconnectNetworkAsync));
                var operation = $"disconnect container {container} from network {network}";
                var n = FindNetwork(network) ?? throw new EngineNotFoundException(operation, "network", network, $"network {network} not found");
                var c = FindContainer(container, operation);
                var index = c.Networks.FindIndex(e => e.Key == n.Name);
                if (index < 0)
                {
                    throw new EngineApiException(operation, HttpStatusCode.InternalServerError, $"container {c.Id} is not connected to network {n.Name}");
                }

                c.Networks.RemoveAt(index);
                if (c.Status == ContainerStatus.Running)
                {
                    PublishNetwork(n, "disconnect", c.Id);
                }

                Changed();
            }
        });

    /// <inheritdoc />
    public Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(RemoveNetworkAsync));
            var operation = $"remove network {idOrName}";
            var network = FindNetwork(idOrName) ?? throw new EngineNotFoundException(operation, "network", idOrName, $"network {idOrName} not found");
            if (network.Predefined)
            {
                throw new EngineApiException(operation, HttpStatusCode.Forbidden, $"{network.Name} is a pre-defined network and cannot be removed");
            }

            if (ActiveEndpoints(network).Any())
            {
                throw new EngineConflictException(operation, $"error while removing network: network {network.Name} id {network.Id} has active endpoints");
            }

            _networks.Remove(network.Id);
            PublishNetwork(network, "destroy");
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> PruneNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<string>>(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(PruneNetworksAsync));
                var pruned = _networks.Values
                    .Where(n => !n.Predefined && MatchesLabels(n.Labels, labels) && !ActiveEndpoints(n).Any())
                    .OrderBy(n => n.Name, StringComparer.Ordinal)
                    .ToList();
                foreach (var network in pruned)
                {
                    _networks.Remove(network.Id);
                    PublishNetwork(network, "destroy");
                }

                return pruned.Select(n => n.Name).ToList();
            }
        });

    private NetworkRecord? FindNetwork(string idOrName)
    {
        if (_networks.TryGetValue(idOrName, out var byId))
        {
            return byId;
        }

        return _networks.Values.FirstOrDefault(n => n.Name == idOrName)
            ?? (_networks.Values.Where(n => n.Id.StartsWith(idOrName, StringComparison.Ordinal)).ToList() is [var single] ? single : null);
    }

    /// <summary>Running containers with an endpoint on <paramref name="network"/>: only these block its removal, as in Docker.</summary>
    private IEnumerable<ContainerRecord> ActiveEndpoints(NetworkRecord network) =>
        _containers.Values.Where(c => c.Status == ContainerStatus.Running && c.Networks.Any(e => e.Value.NetworkId == network.Id));

    private NetworkInfo ToInfo(NetworkRecord network) => new(network.Id, network.Name, network.Driver)
    {
        Labels = new Dictionary<string, string>(network.Labels),
        Internal = network.Internal,
        ContainerIds = ActiveEndpoints(network).OrderBy(c => c.Sequence).Select(c => c.Id).ToList(),
    };
}

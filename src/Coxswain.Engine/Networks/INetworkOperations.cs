namespace Coxswain.Engine;

/// <summary>Networks: create, inspect, list, connect, disconnect, remove, prune.</summary>
public interface INetworkOperations
{
    /// <summary>Creates a network and returns its id. Throws <see cref="EngineConflictException"/> when the name is taken.</summary>
    Task<string> CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Inspects a network by name or id.</summary>
    Task<NetworkInfo> InspectNetworkAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Lists networks, optionally only those with all the given labels ("key" or "key=value").</summary>
    Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Connects a container to a network with DNS aliases.</summary>
    Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default);

    /// <summary>Disconnects a container from a network.</summary>
    Task DisconnectNetworkAsync(string network, string container, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Removes a network. Throws <see cref="EngineConflictException"/> while containers are attached.</summary>
    Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Removes unused networks with all the given labels and returns their names.</summary>
    Task<IReadOnlyList<string>> PruneNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default);
}

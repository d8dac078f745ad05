namespace Coxswain.Engine;

/// <summary>Container lifecycle, inspection, logs and stats.</summary>
public interface IContainerOperations
{
    /// <summary>Creates a container from <paramref name="spec"/>. Throws <see cref="EngineConflictException"/> when the name is taken
    /// and <see cref="EngineNotFoundException"/> when the image is missing.</summary>
    Task<ContainerCreated> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Starts a created or stopped container. Starting a running container is a no-op.</summary>
    Task StartContainerAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Sends the stop signal, waits up to <paramref name="timeout"/> (the container's own stop timeout when null), then kills.
    /// Stopping a stopped container is a no-op.</summary>
    Task StopContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="signal"/> (default SIGKILL) to a running container.
    /// Throws <see cref="EngineConflictException"/> when it is not running.</summary>
    Task KillContainerAsync(string idOrName, string? signal = null, CancellationToken cancellationToken = default);

    /// <summary>Stops (with <paramref name="timeout"/>) and starts the container again.</summary>
    Task RestartContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until the container is no longer running and returns its exit code.</summary>
    Task<long> WaitContainerAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Removes a container; <paramref name="force"/> kills it first, <paramref name="removeVolumes"/> removes its anonymous volumes.</summary>
    Task RemoveContainerAsync(string idOrName, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default);

    /// <summary>Reads the full state of one container.</summary>
    Task<ContainerInfo> InspectContainerAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Lists containers, all of them (not only running ones) unless <see cref="ContainerListOptions.RunningOnly"/> is set.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(ContainerListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Renames a container. Throws <see cref="EngineConflictException"/> when the new name is taken.</summary>
    Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken = default);

    /// <summary>Streams the container's log, demultiplexed into lines, as the engine sends it (never buffered whole).
    /// With <see cref="LogOptions.Follow"/> the stream ends when the container stops or the token is cancelled.</summary>
    IAsyncEnumerable<LogLine> GetLogsAsync(string idOrName, LogOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>One sample of resource usage (CPU % is computed over the engine's sampling interval).</summary>
    Task<ContainerStats> GetStatsAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Resource usage samples as the engine produces them (about one a second) until cancelled or the container stops.</summary>
    IAsyncEnumerable<ContainerStats> StreamStatsAsync(string idOrName, CancellationToken cancellationToken = default);
}

namespace Coxswain.Engine.Testing;

/// <summary>A container's state inside the engine (guarded by the engine's lock).</summary>
internal sealed class ContainerRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required ContainerSpec Spec { get; init; }

    public required string ImageId { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required long Sequence { get; init; }

    public string Hostname => Spec.Hostname ?? Id[..12];

    public ContainerStatus Status { get; set; } = ContainerStatus.Created;

    public long ExitCode { get; set; }

    public bool OomKilled { get; set; }

    public long Pid { get; set; }

    public string Error { get; set; } = "";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long RestartCount { get; set; }

    public TimeSpan RestartDelay { get; set; }

    public bool ManuallyStopped { get; set; }

    public bool Removed { get; set; }

    public CancellationTokenSource? PendingRestart { get; set; }

    public ProcessRun? Run { get; set; }

    /// <summary>Networks by name, in the order they were attached.</summary>
    public List<KeyValuePair<string, NetworkEndpoint>> Networks { get; } = [];

    /// <summary>Names of the volumes mounted (named and anonymous), with their mount.</summary>
    public List<(string Volume, MountSpec Mount)> Volumes { get; } = [];

    public List<string> AnonymousVolumes { get; } = [];

    public List<PortBinding> BoundPorts { get; } = [];

    public List<LogEntry> Logs { get; } = [];

    /// <summary>The container's writable layer: kept across restarts, gone with the container.</summary>
    public FileStore Layer { get; } = new();

    /// <summary>The files of the current run (set at start; execs share it).</summary>
    public ContainerFileSystem? Files { get; set; }

    public bool IsRunning => Status is ContainerStatus.Running or ContainerStatus.Restarting or ContainerStatus.Paused;

    public NetworkEndpoint? FindNetwork(string name) => Networks.FirstOrDefault(n => n.Key == name).Value;
}

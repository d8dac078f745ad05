namespace Coxswain.Engine;

/// <summary>A container as inspected: identity, configuration that matters to Coxswain, and state.</summary>
public sealed record ContainerInfo
{
    /// <summary>Full container id.</summary>
    public required string Id { get; init; }

    /// <summary>Name without the leading slash.</summary>
    public required string Name { get; init; }

    /// <summary>Image reference the container was created from.</summary>
    public required string Image { get; init; }

    /// <summary>Id of the image.</summary>
    public string ImageId { get; init; } = "";

    /// <summary>When the container was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment as "KEY=value" entries.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>The command the container runs (entrypoint followed by arguments as the engine reports them).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Whether a TTY was allocated.</summary>
    public bool Tty { get; init; }

    /// <summary>How many times the engine's own restart policy restarted it.</summary>
    public long RestartCount { get; init; }

    /// <summary>Runtime state.</summary>
    public required ContainerState State { get; init; }

    /// <summary>Networks the container is attached to, by network name.</summary>
    public IReadOnlyDictionary<string, ContainerNetwork> Networks { get; init; } = new Dictionary<string, ContainerNetwork>();

    /// <summary>Published ports as the engine bound them.</summary>
    public IReadOnlyList<PortBinding> Ports { get; init; } = [];

    /// <summary>Memory limit in bytes, 0 when unlimited.</summary>
    public long MemoryLimitBytes { get; init; }
}

namespace Coxswain.Engine;

/// <summary>Everything needed to create a container: the engine-neutral form of the Engine API's create body.</summary>
public sealed record ContainerSpec
{
    /// <summary>Container name; the engine picks one when null.</summary>
    public string? Name { get; init; }

    /// <summary>Image reference (name:tag or id).</summary>
    public required string Image { get; init; }

    /// <summary>Command (arguments to the entrypoint); the image's default when null.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Entrypoint; the image's default when null, none when empty.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = EmptyMap;

    /// <summary>Labels; Coxswain's identity labels live here.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary>Working directory inside the container.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>User (name, uid, or uid:gid).</summary>
    public string? User { get; init; }

    /// <summary>Hostname inside the container.</summary>
    public string? Hostname { get; init; }

    /// <summary>Allocate a TTY (logs are then not multiplexed).</summary>
    public bool Tty { get; init; }

    /// <summary>Keep stdin open.</summary>
    public bool OpenStdin { get; init; }

    /// <summary>Close the container's stdin when the (first) attached client detaches, so an interactive shell ends at EOF.</summary>
    public bool StdinOnce { get; init; }

    /// <summary>Ports exposed without publishing (e.g. "80/tcp").</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    /// <summary>Ports published on the host.</summary>
    public IReadOnlyList<PortBinding> Ports { get; init; } = [];

    /// <summary>Bind, volume and tmpfs mounts.</summary>
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>Networks to join at creation, with aliases. The first one is given to the create call, the others connected before start.</summary>
    public IReadOnlyList<NetworkAttachment> Networks { get; init; } = [];

    /// <summary>The engine's own restart policy (Coxswain's supervisor usually leaves this at "no").</summary>
    public RestartPolicy? RestartPolicy { get; init; }

    /// <summary>CPU, memory and pid limits.</summary>
    public ResourceLimits? Resources { get; init; }

    /// <summary>Mount the root filesystem read-only.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>Capabilities to add.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Capabilities to drop.</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary>Security options (e.g. "no-new-privileges:true").</summary>
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];

    /// <summary>Signal sent by stop (default SIGTERM).</summary>
    public string? StopSignal { get; init; }

    /// <summary>Grace period between the stop signal and SIGKILL (engine default 10 s).</summary>
    public TimeSpan? StopTimeout { get; init; }

    /// <summary>The image-level healthcheck handed to the engine. Coxswain runs Compose probes itself; this is for callers who want the engine's.</summary>
    public HealthcheckSpec? Healthcheck { get; init; }

    /// <summary>Extra /etc/hosts entries ("host:ip").</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>Init process inside the container (tini / catatonit).</summary>
    public bool? Init { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}

namespace Coxswain.Engine;

/// <summary>What <c>GET /info</c> says that Coxswain uses.</summary>
public sealed record EngineInfo
{
    /// <summary>Host name of the engine.</summary>
    public string Name { get; init; } = "";

    /// <summary>Engine version.</summary>
    public string ServerVersion { get; init; } = "";

    /// <summary>Number of containers.</summary>
    public int Containers { get; init; }

    /// <summary>Number of running containers.</summary>
    public int ContainersRunning { get; init; }

    /// <summary>Number of images.</summary>
    public int Images { get; init; }

    /// <summary>Host operating system.</summary>
    public string OperatingSystem { get; init; } = "";

    /// <summary>CPUs available.</summary>
    public int Cpus { get; init; }

    /// <summary>Memory available, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Storage driver.</summary>
    public string StorageDriver { get; init; } = "";

    /// <summary>Cgroup version ("1" or "2").</summary>
    public string CgroupVersion { get; init; } = "";
}

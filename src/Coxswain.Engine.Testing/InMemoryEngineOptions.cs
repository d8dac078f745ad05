namespace Coxswain.Engine.Testing;

/// <summary>Settings of an <see cref="InMemoryEngine"/>. The defaults describe a Docker 20.10 engine.</summary>
public sealed record InMemoryEngineOptions
{
    /// <summary>Docker's event ring buffer: <c>GET /events?since=</c> replays at most this many past events (default 256, as dockerd).</summary>
    public const int DefaultEventHistoryLimit = 256;

    /// <summary>Engine version reported by <see cref="InMemoryEngine.GetVersionAsync"/> (default "20.10.24").</summary>
    public string Version { get; init; } = "20.10.24";

    /// <summary>API version reported (default "1.41").</summary>
    public string ApiVersion { get; init; } = "1.41";

    /// <summary>Host name reported by <see cref="InMemoryEngine.GetInfoAsync"/>.</summary>
    public string Hostname { get; init; } = "in-memory";

    /// <summary>CPUs reported.</summary>
    public int Cpus { get; init; } = 2;

    /// <summary>Host memory in bytes: reported, and the memory limit of containers without one (default 8 GiB).</summary>
    public long MemoryBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>How many past events <c>since</c> can replay.</summary>
    public int EventHistoryLimit { get; init; } = DefaultEventHistoryLimit;

    /// <summary>Chooses a program for a container when <see cref="InMemoryEngine.Programs"/> has none; null to fall back to
    /// <see cref="ContainerPrograms.Shell"/>.</summary>
    public Func<ContainerSpec, IContainerProgram?>? ProgramResolver { get; init; }

    /// <summary>What the default shell does with commands it does not emulate in a main process.</summary>
    public UnknownCommandMode UnknownCommands { get; init; } = UnknownCommandMode.RunUntilStopped;

    /// <summary>Seed for generated ids and names, so runs are repeatable.</summary>
    public int Seed { get; init; } = 1;
}

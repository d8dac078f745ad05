namespace Coxswain.Compose;

/// <summary>An amount of CPU, memory and processes (a limit or a reservation). Null means not set.</summary>
public sealed record ResourceValues
{
    /// <summary>CPUs (1.5 = one and a half CPUs).</summary>
    public decimal? Cpus { get; init; }

    /// <summary>Memory in bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Processes (limits only).</summary>
    public long? Pids { get; init; }

    /// <summary>CPUs in billionths, as the engine takes them (1.5 CPUs = 1_500_000_000).</summary>
    public long? NanoCpus => Cpus is { } cpus ? (long)(cpus * 1_000_000_000m) : null;

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => Cpus is null && MemoryBytes is null && Pids is null;
}

namespace Coxswain.Engine;

/// <summary>Resource limits and reservations. Null means no limit.</summary>
public sealed record ResourceLimits
{
    /// <summary>Hard memory limit in bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Soft memory reservation in bytes.</summary>
    public long? MemoryReservationBytes { get; init; }

    /// <summary>Memory + swap limit in bytes (-1 unlimited swap).</summary>
    public long? MemorySwapBytes { get; init; }

    /// <summary>CPU quota in billionths of a CPU (1.5 CPUs = 1_500_000_000).</summary>
    public long? NanoCpus { get; init; }

    /// <summary>Relative CPU weight.</summary>
    public long? CpuShares { get; init; }

    /// <summary>Maximum number of processes.</summary>
    public long? PidsLimit { get; init; }
}

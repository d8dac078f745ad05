namespace Coxswain.Compose;

/// <summary>A service's resources: <c>deploy.resources</c> merged with the legacy <c>cpus</c>, <c>mem_limit</c>, <c>mem_reservation</c>, <c>memswap_limit</c>, <c>cpu_shares</c> and <c>pids_limit</c>.</summary>
public sealed record ServiceResources
{
    /// <summary>Hard limits.</summary>
    public ResourceValues Limits { get; init; } = new();

    /// <summary>Soft reservations (memory reservation; CPUs are informative).</summary>
    public ResourceValues Reservations { get; init; } = new();

    /// <summary>Memory + swap limit in bytes (-1 for unlimited swap), from <c>memswap_limit</c>.</summary>
    public long? MemorySwapBytes { get; init; }

    /// <summary>Relative CPU weight, from <c>cpu_shares</c>.</summary>
    public long? CpuShares { get; init; }

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => Limits.IsEmpty && Reservations.IsEmpty && MemorySwapBytes is null && CpuShares is null;
}

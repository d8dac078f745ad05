namespace Coxswain.Engine;

/// <summary>One resource usage sample.</summary>
public sealed record ContainerStats
{
    /// <summary>When the engine took the sample.</summary>
    public DateTimeOffset Read { get; init; }

    /// <summary>CPU use as a percentage of one core times the number of cores (docker stats' figure).</summary>
    public double CpuPercent { get; init; }

    /// <summary>Memory in use, in bytes.</summary>
    public long MemoryUsageBytes { get; init; }

    /// <summary>Memory limit, in bytes.</summary>
    public long MemoryLimitBytes { get; init; }

    /// <summary>Bytes received over all networks.</summary>
    public long NetworkRxBytes { get; init; }

    /// <summary>Bytes sent over all networks.</summary>
    public long NetworkTxBytes { get; init; }

    /// <summary>Bytes read from block devices.</summary>
    public long BlockReadBytes { get; init; }

    /// <summary>Bytes written to block devices.</summary>
    public long BlockWriteBytes { get; init; }

    /// <summary>Number of processes.</summary>
    public long Pids { get; init; }
}

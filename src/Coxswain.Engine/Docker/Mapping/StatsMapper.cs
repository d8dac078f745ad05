namespace Coxswain.Engine.Docker;

/// <summary>A stats sample → <see cref="ContainerStats"/>, with docker stats' arithmetic. Missing parts count as zero.</summary>
internal static class StatsMapper
{
    public static ContainerStats ToStats(StatsDto dto)
    {
        var memory = dto.MemoryStats;
        long rx = 0, tx = 0, read = 0, write = 0;
        foreach (var network in (dto.Networks ?? []).Values)
        {
            rx += (long)network.RxBytes;
            tx += (long)network.TxBytes;
        }

        foreach (var entry in dto.BlkioStats?.IoServiceBytesRecursive ?? [])
        {
            if (string.Equals(entry.Op, "read", StringComparison.OrdinalIgnoreCase))
            {
                read += (long)entry.Value;
            }
            else if (string.Equals(entry.Op, "write", StringComparison.OrdinalIgnoreCase))
            {
                write += (long)entry.Value;
            }
        }

        return new ContainerStats
        {
            Read = EngineTime.Parse(dto.Read) ?? default,
            CpuPercent = CpuPercent(dto.CpuStats, dto.PreCpuStats),
            MemoryUsageBytes = memory is null ? 0 : (long)MemoryUsage(memory.Usage, memory.Stats),
            MemoryLimitBytes = (long)(memory?.Limit ?? 0),
            NetworkRxBytes = rx,
            NetworkTxBytes = tx,
            BlockReadBytes = read,
            BlockWriteBytes = write,
            Pids = (long)(dto.PidsStats?.Current ?? 0),
        };
    }

    /// <summary>docker stats' CPU figure: (container CPU delta / system CPU delta) × online CPUs × 100; 0 when either delta is not positive.</summary>
    public static double CpuPercent(CpuStatsDto? current, CpuStatsDto? previous)
    {
        if (current?.CpuUsage is null)
        {
            return 0;
        }

        var cpuDelta = (double)current.CpuUsage.TotalUsage - (previous?.CpuUsage?.TotalUsage ?? 0);
        var systemDelta = (double)current.SystemCpuUsage - (previous?.SystemCpuUsage ?? 0);
        var cpus = current.OnlineCpus > 0 ? current.OnlineCpus : (uint)(current.CpuUsage.PerCpuUsage?.Count ?? 0);
        if (cpuDelta <= 0 || systemDelta <= 0 || cpus == 0)
        {
            return 0;
        }

        return cpuDelta / systemDelta * cpus * 100.0;
    }

    /// <summary>docker stats' memory figure: usage minus the inactive page cache (cgroup v1 "total_inactive_file", v2 "inactive_file").</summary>
    public static ulong MemoryUsage(ulong usage, Dictionary<string, ulong>? stats)
    {
        if (stats is not null)
        {
            if (stats.TryGetValue("total_inactive_file", out var v1) && v1 < usage)
            {
                return usage - v1;
            }

            if (stats.TryGetValue("inactive_file", out var v2) && v2 < usage)
            {
                return usage - v2;
            }
        }

        return usage;
    }
}

using System.Text.Json.Serialization;

namespace Coxswain.Engine.Docker;

// Wire shape of GET /containers/{id}/stats (snake_case, as the engine sends it). Every part may be missing (Podman, cgroup v2).
internal sealed class StatsDto
{
    [JsonPropertyName("read")]
    public string? Read { get; set; }

    [JsonPropertyName("cpu_stats")]
    public CpuStatsDto? CpuStats { get; set; }

    [JsonPropertyName("precpu_stats")]
    public CpuStatsDto? PreCpuStats { get; set; }

    [JsonPropertyName("memory_stats")]
    public MemoryStatsDto? MemoryStats { get; set; }

    [JsonPropertyName("networks")]
    public Dictionary<string, NetworkStatsDto>? Networks { get; set; }

    [JsonPropertyName("blkio_stats")]
    public BlkioStatsDto? BlkioStats { get; set; }

    [JsonPropertyName("pids_stats")]
    public PidsStatsDto? PidsStats { get; set; }
}

internal sealed class CpuStatsDto
{
    [JsonPropertyName("cpu_usage")]
    public CpuUsageDto? CpuUsage { get; set; }

    [JsonPropertyName("system_cpu_usage")]
    public ulong SystemCpuUsage { get; set; }

    [JsonPropertyName("online_cpus")]
    public uint OnlineCpus { get; set; }
}

internal sealed class CpuUsageDto
{
    [JsonPropertyName("total_usage")]
    public ulong TotalUsage { get; set; }

    [JsonPropertyName("percpu_usage")]
    public List<ulong>? PerCpuUsage { get; set; }
}

internal sealed class MemoryStatsDto
{
    [JsonPropertyName("usage")]
    public ulong Usage { get; set; }

    [JsonPropertyName("limit")]
    public ulong Limit { get; set; }

    [JsonPropertyName("stats")]
    public Dictionary<string, ulong>? Stats { get; set; }
}

internal sealed class NetworkStatsDto
{
    [JsonPropertyName("rx_bytes")]
    public ulong RxBytes { get; set; }

    [JsonPropertyName("tx_bytes")]
    public ulong TxBytes { get; set; }
}

internal sealed class BlkioStatsDto
{
    [JsonPropertyName("io_service_bytes_recursive")]
    public List<BlkioEntryDto>? IoServiceBytesRecursive { get; set; }
}

internal sealed class BlkioEntryDto
{
    [JsonPropertyName("op")]
    public string? Op { get; set; }

    [JsonPropertyName("value")]
    public ulong Value { get; set; }
}

internal sealed class PidsStatsDto
{
    [JsonPropertyName("current")]
    public ulong Current { get; set; }
}

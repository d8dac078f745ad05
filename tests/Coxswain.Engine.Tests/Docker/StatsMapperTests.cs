using System.Text.Json;
using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class StatsMapperTests
{
    [Fact]
    public void CpuPercent_IsContainerShareOfSystemDeltaTimesOnlineCpus()
    {
        var current = new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 300 }, SystemCpuUsage = 2000, OnlineCpus = 4 };
        var previous = new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 100 }, SystemCpuUsage = 1000 };

        // (200 / 1000) × 4 × 100
        Assert.Equal(80.0, StatsMapper.CpuPercent(current, previous), 6);
    }

    [Fact]
    public void CpuPercent_NoOnlineCpus_CountsPerCpuEntries()
    {
        var current = new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 150, PerCpuUsage = [1, 2] }, SystemCpuUsage = 1100 };
        var previous = new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 100 }, SystemCpuUsage = 1000 };

        Assert.Equal(100.0, StatsMapper.CpuPercent(current, previous), 6);
    }

    [Fact]
    public void CpuPercent_MissingOrNonPositiveDeltas_IsZero()
    {
        Assert.Equal(0, StatsMapper.CpuPercent(null, null));
        Assert.Equal(0, StatsMapper.CpuPercent(new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 5 }, SystemCpuUsage = 0, OnlineCpus = 1 }, null));
        var same = new CpuStatsDto { CpuUsage = new CpuUsageDto { TotalUsage = 5 }, SystemCpuUsage = 10, OnlineCpus = 1 };
        Assert.Equal(0, StatsMapper.CpuPercent(same, same));
    }

    [Theory]
    [InlineData("total_inactive_file", 1000UL, 300UL, 700UL)]
    [InlineData("inactive_file", 1000UL, 300UL, 700UL)]
    [InlineData("inactive_file", 1000UL, 3000UL, 1000UL)]
    [InlineData("cache", 1000UL, 300UL, 1000UL)]
    public void MemoryUsage_SubtractsInactivePageCache(string key, ulong usage, ulong value, ulong expected)
    {
        Assert.Equal(expected, StatsMapper.MemoryUsage(usage, new Dictionary<string, ulong> { [key] = value }));
    }

    [Fact]
    public void ToStats_PodmanSampleWithMissingParts_MapsWhatIsThere()
    {
        const string json = """
            {"read":"2026-11-22T10:32:52.837174061Z","preread":"0001-01-01T00:00:00Z","pids_stats":{"current":1},
             "blkio_stats":{"io_service_bytes_recursive":[]},
             "cpu_stats":{"cpu_usage":{"total_usage":42773575,"percpu_usage":[6640616,36132959]},"system_cpu_usage":711934451394,"online_cpus":2},
             "precpu_stats":{"cpu_usage":{"total_usage":0}},
             "memory_stats":{"usage":647168,"limit":25276502016},
             "networks":{"network":{"rx_bytes":472,"tx_bytes":1096}}}
            """;

        var stats = StatsMapper.ToStats(JsonSerializer.Deserialize(json, EngineJsonContext.Default.StatsDto)!);

        Assert.Equal(647168, stats.MemoryUsageBytes);
        Assert.Equal(25276502016, stats.MemoryLimitBytes);
        Assert.Equal(472, stats.NetworkRxBytes);
        Assert.Equal(1096, stats.NetworkTxBytes);
        Assert.Equal(1, stats.Pids);
        Assert.True(stats.CpuPercent > 0);
        Assert.Equal(2026, stats.Read.Year);
    }

    [Fact]
    public void ToStats_DockerBlkio_SumsReadsAndWrites()
    {
        const string json = """{"blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"Read","value":10},{"op":"Write","value":20},{"op":"read","value":5},{"op":"Total","value":35}]}}""";

        var stats = StatsMapper.ToStats(JsonSerializer.Deserialize(json, EngineJsonContext.Default.StatsDto)!);

        Assert.Equal(15, stats.BlockReadBytes);
        Assert.Equal(20, stats.BlockWriteBytes);
    }
}

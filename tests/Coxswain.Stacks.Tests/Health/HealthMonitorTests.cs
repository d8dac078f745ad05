using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class HealthMonitorTests
{
    private static readonly HealthProbe Check = new(["check"]) { Interval = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Start_TwoContainers_TracksEachAndLooksUpByIdOrName()
    {
        await using var kit = new HealthTestKit();
        var dbId = await kit.RunContainerAsync("db");
        await kit.RunContainerAsync("api");
        kit.ScriptProbe("db", "P");
        kit.ScriptProbe("api", "F");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);

        var db = monitor.Start("db", Check);
        var api = monitor.Start("api", Check with { Retries = 1 });
        await HealthTestKit.WhenAsync(db, s => s.NextProbeAt is not null);
        await HealthTestKit.WhenAsync(api, s => s.NextProbeAt is not null);
        kit.Time.Advance(TimeSpan.FromSeconds(5));
        await HealthTestKit.WhenAsync(db, s => s.ProbeCount == 1);
        await HealthTestKit.WhenAsync(api, s => s.ProbeCount == 1);

        Assert.Equal(HealthStatus.Healthy, monitor.GetSnapshot("db")!.Status);
        Assert.Equal(HealthStatus.Healthy, monitor.GetSnapshot(dbId)!.Status);
        Assert.Equal(HealthStatus.Unhealthy, monitor.GetSnapshot("api")!.Status);
        Assert.Null(monitor.GetSnapshot("web"));
        Assert.Equal(["api", "db"], monitor.Containers.Order());
    }

    [Fact]
    public async Task StopAsync_ById_EndsTheRunnerAndForgetsIt()
    {
        await using var kit = new HealthTestKit();
        var id = await kit.RunContainerAsync("db");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        var runner = monitor.Start("db", Check);
        await HealthTestKit.WhenAsync(runner, s => s.NextProbeAt is not null);

        await monitor.StopAsync(id).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.Equal("stopped", runner.Current.EndReason);
        Assert.Null(monitor.GetSnapshot("db"));
        Assert.Empty(monitor.Containers);
    }

    [Fact]
    public async Task Start_SameContainerAgain_ReplacesTheRunner()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        var first = monitor.Start("db", Check);
        await HealthTestKit.WhenAsync(first, s => s.NextProbeAt is not null);

        var second = monitor.Start("db", Check with { Interval = TimeSpan.FromSeconds(1) });
        var ended = await HealthTestKit.WhenAsync(first, s => s.Ended);

        Assert.Equal("stopped", ended.EndReason);
        Assert.Same(second, monitor.GetRunner("db"));
    }
}

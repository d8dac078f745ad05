using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class HealthProbeRunnerTests
{
    private static readonly HealthProbe Check = new(["check"]) { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(3), Retries = 3 };

    [Fact]
    public async Task RunAsync_StartIntervalDuringStartPeriod_ProbesAtExactTimes()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        kit.ScriptProbe("db", "F");
        var runner = new HealthProbeRunner(kit.Engine, "db", Check with { StartPeriod = TimeSpan.FromSeconds(5), StartInterval = TimeSpan.FromSeconds(1) }, kit.Time);
        var run = runner.RunAsync(HealthTestKit.Token);

        var times = new List<double>();
        var statuses = new List<HealthStatus>();
        for (var i = 0; i < 7; i++)
        {
            var snapshot = await kit.NextProbeAsync(runner);
            times.Add(kit.At(snapshot.LastResult!.Start));
            statuses.Add(snapshot.Status);
        }

        Assert.Equal([1, 2, 3, 4, 5, 15, 25], times);
        Assert.Equal([.. Enumerable.Repeat(HealthStatus.Starting, 6), HealthStatus.Unhealthy], statuses);
        Assert.Equal(3, runner.Current.FailingStreak);
        Assert.Equal("connection refused", runner.Current.LastResult!.Output);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_FlappingProbe_UnhealthyAfterRetriesAndHealthyOnlyAfterAPass()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        kit.ScriptProbe("db", "PFFFFP");
        var runner = new HealthProbeRunner(kit.Engine, "db", Check, kit.Time);
        _ = runner.RunAsync(HealthTestKit.Token);

        var statuses = new List<HealthStatus>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await kit.NextProbeAsync(runner)).Status);
        }

        Assert.Equal(
            [HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Healthy],
            statuses);
    }

    [Fact]
    public async Task RunAsync_ProbeSlowerThanTimeout_CountsAsFailureWithTimeoutOutput()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        var execStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Engine.Exec.Script("db", cmd => cmd.Contains("check"), _ =>
        {
            execStarted.TrySetResult();
            return new ScriptedExecResult(0, "late") { Delay = TimeSpan.FromSeconds(60) };
        });
        var runner = new HealthProbeRunner(kit.Engine, "db", Check with { Retries = 1 }, kit.Time);
        _ = runner.RunAsync(HealthTestKit.Token);

        var first = await HealthTestKit.WhenAsync(runner, s => s.NextProbeAt is not null);
        kit.Time.SetUtcNow(first.NextProbeAt!.Value);
        await execStarted.Task.WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);
        kit.Time.Advance(TimeSpan.FromSeconds(3));
        var after = await HealthTestKit.WhenAsync(runner, s => s.ProbeCount == 1);

        var result = after.LastResult!;
        Assert.True(result.TimedOut);
        Assert.False(result.Passed);
        Assert.Equal(-1, result.ExitCode);
        Assert.Equal("probe timed out after 3 s", result.Output);
        Assert.Equal((10, 13), (kit.At(result.Start), kit.At(result.End)));
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Equal(kit.T0.AddSeconds(23), after.NextProbeAt);
    }

    [Fact]
    public async Task RunAsync_CmdShellProbe_RunsInTheContainersShell()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("web", "sleep 3; touch /tmp/ready; sleep infinity");
        var probe = HealthProbe.FromCompose(new Compose.ServiceHealthcheck { Test = ["CMD-SHELL", "test -f /tmp/ready"], Interval = TimeSpan.FromSeconds(2) })!;
        var runner = new HealthProbeRunner(kit.Engine, "web", probe, kit.Time);
        _ = runner.RunAsync(HealthTestKit.Token);

        var first = await kit.NextProbeAsync(runner);
        var second = await kit.NextProbeAsync(runner);

        Assert.Equal((2, 1L, HealthStatus.Starting), (kit.At(first.LastResult!.Start), first.LastResult.ExitCode, first.Status));
        Assert.Equal((4, 0L, HealthStatus.Healthy), (kit.At(second.LastResult!.Start), second.LastResult.ExitCode, second.Status));
    }

    [Fact]
    public async Task RunAsync_ContainerStops_EndsWithContainerNotRunning()
    {
        await using var kit = new HealthTestKit();
        var id = await kit.RunContainerAsync("db");
        kit.ScriptProbe("db", "P");
        var runner = new HealthProbeRunner(kit.Engine, id, Check, kit.Time);
        var run = runner.RunAsync(HealthTestKit.Token);
        await kit.NextProbeAsync(runner);

        kit.Engine.Faults.Crash(id, 2);
        var last = await kit.NextProbeAsync(runner);
        await run.WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.True(last.Ended);
        Assert.Equal("container not running", last.EndReason);
        Assert.Equal(1, last.ProbeCount);
        Assert.Equal(HealthStatus.Healthy, last.Status);
        Assert.Null(last.NextProbeAt);
    }

    [Fact]
    public async Task RunAsync_ContainerNeverStarted_EndsAtOnce()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db", start: false);
        var runner = new HealthProbeRunner(kit.Engine, "db", Check, kit.Time);

        await runner.RunAsync(HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.Equal("container not running", runner.Current.EndReason);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsQuietlyAsStopped()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        using var stop = new CancellationTokenSource();
        var runner = new HealthProbeRunner(kit.Engine, "db", Check, kit.Time);
        var run = runner.RunAsync(stop.Token);
        await HealthTestKit.WhenAsync(runner, s => s.NextProbeAt is not null);

        await stop.CancelAsync();
        await run.WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.Equal(("stopped", 0), (runner.Current.EndReason, runner.Current.ProbeCount));
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(HealthTestKit.Token));
    }

    [Fact]
    public async Task WatchAsync_AfterTheEnd_YieldsTheLastSnapshotAndCompletes()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db", start: false);
        var runner = new HealthProbeRunner(kit.Engine, "db", Check, kit.Time);
        await runner.RunAsync(HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        var all = await runner.WatchAsync(HealthTestKit.Token).ToListAsync(HealthTestKit.Token).AsTask().WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.True(Assert.Single(all).Ended);
    }
}

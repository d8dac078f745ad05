using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class WaiterTests
{
    private static readonly HealthProbe Check = new(["check"]) { Interval = TimeSpan.FromSeconds(1), Retries = 100 };

    /// <summary>Awaits <paramref name="wait"/>, moving the clock to the next timer whenever <paramref name="timers"/> are pending.</summary>
    private static async Task<T> DriveAsync<T>(HealthTestKit kit, Task<T> wait, int timers)
    {
        while (!wait.IsCompleted)
        {
            var armed = kit.Time.WaitForTimersAsync(timers, HealthTestKit.Token);
            if (await Task.WhenAny(wait, armed).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token) != wait)
            {
                kit.Time.AdvanceToNextTimer();
            }
        }

        return await wait;
    }

    private static Task<ContainerNotReadyException> FailsAsync(HealthTestKit kit, Task<ContainerInfo> wait, int timers) =>
        Assert.ThrowsAsync<ContainerNotReadyException>(() => DriveAsync(kit, wait, timers));

    [Fact]
    public async Task WaitAsync_CompletedWithExitZero_ReturnsWhenItExits()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("migrate", "sleep 2; exit 0");
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };

        var info = await DriveAsync(kit, waiter.WaitAsync("migrate", WaitFor.CompletedSuccessfully(), "migrate", HealthTestKit.Token), timers: 2);

        Assert.Equal((ContainerStatus.Exited, 0L), (info.State.Status, info.State.ExitCode));
        Assert.Equal(2, kit.At(kit.Time.GetUtcNow()));
    }

    [Fact]
    public async Task WaitAsync_CompletedWithExitThree_FailsWithExitCodeAndLog()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("migrate", "echo applying 0042; echo 'relation users exists' >&2; sleep 2; exit 3");
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };

        var error = await FailsAsync(kit, waiter.WaitAsync("migrate", WaitFor.CompletedSuccessfully(), "migrate", HealthTestKit.Token), timers: 2);

        Assert.Equal((NotReadyReason.ConditionFailed, 3L), (error.Reason, error.ExitCode));
        Assert.Equal(
            """
            Service 'migrate' (container migrate) will not be completed successfully: it exited with code 3 (2 s in).
            Last 2 log lines of migrate:
              | applying 0042
              | relation users exists
            Fix what the log shows (cox logs migrate has all of it), then run the command again.
            """,
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_ExitWhileWaitingForHealthy_FailsFastWithExitCodeAndLogTail()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db", "echo booting; echo 'fatal: no config' >&2; sleep 2; exit 3");
        kit.ScriptProbe("db", "F");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        await HealthTestKit.WhenAsync(monitor.Start("db", Check with { Interval = TimeSpan.FromSeconds(30) }), s => s.NextProbeAt is not null);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(0.5), Timeout = TimeSpan.FromSeconds(60) };

        var error = await FailsAsync(kit, waiter.WaitAsync("db", WaitFor.Healthy(monitor), "db", HealthTestKit.Token), timers: 3);

        Assert.Equal((NotReadyReason.Exited, 3L, false), (error.Reason, error.ExitCode, error.OomKilled));
        Assert.Equal(["booting", "fatal: no config"], error.LogTail);
        Assert.Equal("db", error.ContainerName);
        Assert.Equal(TimeSpan.FromSeconds(2), error.Waited);
        Assert.Equal(
            """
            Service 'db' (container db) exited with code 3 while Coxswain waited for it to be healthy (2 s in).
            Last 2 log lines of db:
              | booting
              | fatal: no config
            Fix what the log shows (cox logs db has all of it), then run the command again.
            """,
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_LogTail_KeepsOnlyTheLastLines()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("api", "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do echo line $i; done; sleep 1; exit 1");
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };

        var error = await FailsAsync(kit, waiter.WaitAsync("api", WaitFor.LogLine(new Regex("never")), null, HealthTestKit.Token), timers: 2);

        Assert.Equal(20, error.LogTail.Count);
        Assert.Equal(("line 6", "line 25"), (error.LogTail[0], error.LogTail[^1]));
        Assert.StartsWith("Container api exited with code 1 while Coxswain waited for it to be showing a log line matching /never/ (1 s in).\nLast 20 log lines of api:\n  | line 6\n", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Fix what the log shows (the log of api has all of it), then run the command again.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_HealthNeverPasses_TimesOutNamingTheLastProbes()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        kit.ScriptProbe("db", "F");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        await HealthTestKit.WhenAsync(monitor.Start("db", Check), s => s.NextProbeAt is not null);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(4.5) };

        var error = await FailsAsync(kit, waiter.WaitAsync("db", WaitFor.Healthy(monitor), "db", HealthTestKit.Token), timers: 2);

        Assert.Equal((NotReadyReason.TimedOut, (long?)null), (error.Reason, error.ExitCode));
        Assert.Equal(4, error.Probes.Count);
        Assert.Equal(TimeSpan.FromSeconds(4.5), error.Waited);
        Assert.Equal(
            """
            Service 'db' (container db) was not healthy after 4.5 s: its health is starting: 4 probes ran, none passed.
            Last probe results, oldest first:
              00:00:01Z exit 1 after 0 s: connection refused
              00:00:02Z exit 1 after 0 s: connection refused
              00:00:03Z exit 1 after 0 s: connection refused
              00:00:04Z exit 1 after 0 s: connection refused
            Check the healthcheck command and the service (cox logs db), or allow it more time.
            """,
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_ProbeTurnsUnhealthy_FailsAtOnceWithProbeOutput()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db", "echo listening; sleep infinity");
        kit.ScriptProbe("db", "F");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        await HealthTestKit.WhenAsync(monitor.Start("db", Check with { Retries = 2 }), s => s.NextProbeAt is not null);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };

        var error = await FailsAsync(kit, waiter.WaitAsync("db", WaitFor.Healthy(monitor), "db", HealthTestKit.Token), timers: 2);

        Assert.Equal(NotReadyReason.ConditionFailed, error.Reason);
        Assert.Equal(
            """
            Service 'db' (container db) will not be healthy: it is unhealthy: 2 probes failed in a row (2 s in).
            Last probe results, oldest first:
              00:00:01Z exit 1 after 0 s: connection refused
              00:00:02Z exit 1 after 0 s: connection refused
            Last 1 log lines of db:
              | listening
            The probe runs inside the container through exec: check the healthcheck command and the service (cox logs db), then run the command again.
            """,
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_HealthyByProbe_ReturnsOnTheFirstPass()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("db");
        kit.ScriptProbe("db", "FFP");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        await HealthTestKit.WhenAsync(monitor.Start("db", Check), s => s.NextProbeAt is not null);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(0.5) };

        await DriveAsync(kit, waiter.WaitAsync("db", WaitFor.Dependency(Compose.DependencyCondition.ServiceHealthy, monitor), "db", HealthTestKit.Token), timers: 2);

        Assert.Equal(HealthStatus.Healthy, monitor.GetSnapshot("db")!.Status);
        Assert.Equal(3, kit.At(kit.Time.GetUtcNow()));
    }

    [Fact]
    public async Task WaitAsync_NoHealthcheckAnywhere_FailsAtOnceWithAHint()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("cache");
        await using var monitor = new HealthMonitor(kit.Engine, kit.Time);
        var waiter = new Waiter(kit.Engine, kit.Time);

        var error = await Assert.ThrowsAsync<ContainerNotReadyException>(() => waiter.WaitAsync("cache", WaitFor.Healthy(monitor), "cache", HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token));

        Assert.StartsWith("Service 'cache' (container cache) will not be healthy: it has no healthcheck; add one to the service, or depend on it with condition service_started (0 s in).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_NeverStarted_TimesOutNamingTheStatus()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("api", start: false);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(3) };

        var error = await FailsAsync(kit, waiter.WaitAsync("api", WaitFor.Running(), "api", HealthTestKit.Token), timers: 1);

        Assert.Equal(
            "Service 'api' (container api) was not running after 3 s: its status is created.\nCheck the service (cox logs api), or allow it more time.",
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_StartedLater_ReturnsWhenRunning()
    {
        await using var kit = new HealthTestKit();
        var id = await kit.RunContainerAsync("api", start: false);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };
        var wait = waiter.WaitAsync(id, WaitFor.Running(), "api", HealthTestKit.Token);
        await kit.Time.WaitForTimersAsync(1, HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        await kit.Engine.StartContainerAsync(id, HealthTestKit.Token);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        var info = await wait.WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.True(info.State.Running);
    }

    [Fact]
    public async Task WaitAsync_ContainerRemoved_FailsNamingIt()
    {
        await using var kit = new HealthTestKit();
        var id = await kit.RunContainerAsync("api", start: false);
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };
        var wait = waiter.WaitAsync(id, WaitFor.Running(), "api", HealthTestKit.Token);
        await kit.Time.WaitForTimersAsync(1, HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        await kit.Engine.RemoveContainerAsync(id, cancellationToken: HealthTestKit.Token);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<ContainerNotReadyException>(() => wait.WaitAsync(HealthTestKit.Bound, HealthTestKit.Token));

        Assert.Equal(NotReadyReason.Removed, error.Reason);
        Assert.Equal(
            "Service 'api' (container api) was removed while Coxswain waited for it to be running (1 s in).\nSomething else removed it (another tool or user); run the command again.",
            error.Message);
    }

    [Fact]
    public async Task WaitAsync_LogLine_ReturnsOnceTheLineAppears()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("api", "echo starting; sleep 3; echo 'ready to serve on :8080'; sleep infinity");
        var waiter = new Waiter(kit.Engine, kit.Time) { Interval = TimeSpan.FromSeconds(1) };

        await DriveAsync(kit, waiter.WaitAsync("api", WaitFor.LogLine(new Regex("ready to serve")), "api", HealthTestKit.Token), timers: 2);

        Assert.Equal(3, kit.At(kit.Time.GetUtcNow()));
    }

    [Fact]
    public async Task WaitAsync_PortOpen_ReadyWhenSomethingListens()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("web");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var waiter = new Waiter(kit.Engine, kit.Time);

        await waiter.WaitAsync("web", WaitFor.PortOpen(port), "web", HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);
    }

    [Fact]
    public async Task WaitAsync_PortClosed_TimesOutNamingThePort()
    {
        await using var kit = new HealthTestKit();
        await kit.RunContainerAsync("web");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        // A zero timeout makes exactly one check: the connection attempt is real I/O, so the clock must not move under it.
        var waiter = new Waiter(kit.Engine, kit.Time) { Timeout = TimeSpan.Zero };

        var error = await Assert.ThrowsAsync<ContainerNotReadyException>(() => waiter.WaitAsync("web", WaitFor.PortOpen(port), "web", HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token));

        Assert.Equal(
            $"Service 'web' (container web) was not listening on 127.0.0.1:{port} after 0 s: connecting to 127.0.0.1:{port} failed: ConnectionRefused.\nCheck the service (cox logs web), or allow it more time.",
            error.Message);
    }
}

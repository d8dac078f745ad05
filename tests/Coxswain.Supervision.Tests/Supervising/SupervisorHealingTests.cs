using Coxswain.Supervision.Tests.Support;
using Xunit;

namespace Coxswain.Supervision.Tests.Supervising;

/// <summary>The supervisor on the in-memory engine with a manual clock: detect, decide, act in dependency order.</summary>
public sealed class SupervisorHealingTests
{
    private const string App = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: unless-stopped
            healthcheck: { test: ["CMD", "probe"], interval: 1s, retries: 2 }
            x-cox: { restart: { jitter: 0, budget: 3, window: 10m } }
          app:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: unless-stopped
            depends_on:
              db: { condition: service_healthy, restart: true }
            x-cox: { restart: { jitter: 0 } }
        """;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Supervisor_ContainerCrashes_RestartsItAfterTheInitialBackoff()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "db healthy");

        kit.Engine.Faults.Crash("box-db-1", 3);
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Restarting, Minute, TimeSpan.FromMilliseconds(10), "db restarting");
        var restarting = kit.State("db");

        Assert.Equal("restarting in 1 s (attempt 1 of 3)", restarting.Describe(kit.Time.GetUtcNow()));
        await kit.UntilAsync(() => kit.Messages(SupervisorEventKind.Restarted).Count > 0, Minute, what: "db restarted");
        Assert.Equal("restarted db: crashed (exit 3), attempt 1 of 3, backoff 1 s", kit.Messages(SupervisorEventKind.Restarted)[0]);
        Assert.True(await kit.RunningAsync("box-db-1"));
    }

    [Fact]
    public async Task Supervisor_CrashesBeyondTheBudget_GivesUpWithAnEventAndLeavesItAlone()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        for (var i = 0; i < 4; i++)
        {
            await kit.UntilAsync(() => kit.RunningAsync("box-db-1"), Minute, what: $"db running before crash {i + 1}");
            kit.Engine.Faults.Crash("box-db-1", 1);
            await kit.UntilAsync(() => kit.State("db").Status is ServiceStatus.Restarting or ServiceStatus.Failed, Minute, TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(ServiceStatus.Failed, kit.State("db").Status);
        Assert.Equal("failed — gave up after 3 restarts", kit.State("db").Describe(kit.Time.GetUtcNow()));
        Assert.Single(kit.Messages(SupervisorEventKind.GaveUp));
        kit.Time.Advance(TimeSpan.FromMinutes(30));
        await kit.SettleAsync();
        Assert.False(await kit.RunningAsync("box-db-1"));
    }

    [Fact]
    public async Task Supervisor_DependencyAndDependentCrash_StartsTheDatabaseBeforeTheApp()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

        // The dependency first, so the event stream delivers its die before the app's. In the other order the app's
        // restart could fall due (UntilAsync moves the clock) before the supervisor had read the db's die, and it would
        // rightly restart the app first: a race between the event reader and the clock, not a property of healing.
        kit.Engine.Faults.Crash("box-db-1", 1);
        kit.Engine.Faults.Crash("box-app-1", 1);
        await kit.UntilAsync(async () => await kit.RunningAsync("box-app-1") && kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "both back");

        var app = (await kit.Engine.InspectContainerAsync("box-app-1", SupervisorKit.Ct)).State.StartedAt;
        var db = (await kit.Engine.InspectContainerAsync("box-db-1", SupervisorKit.Ct)).State.StartedAt;
        Assert.True(db < app, $"db started at {db:O}, app at {app:O}");
        var restarted = kit.Messages(SupervisorEventKind.Restarted);
        Assert.True(restarted.ToList().FindIndex(m => m.StartsWith("restarted db", StringComparison.Ordinal))
            < restarted.ToList().FindIndex(m => m.StartsWith("restarted app", StringComparison.Ordinal)), string.Join("\n", restarted));
    }

    [Fact]
    public async Task Supervisor_DependencyRestarted_RestartsRestartTrueDependentsOnceHealthyAndResetsTheirCounters()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");
        kit.Engine.Faults.Crash("box-app-1", 1);
        await kit.UntilAsync(() => kit.Messages(SupervisorEventKind.Restarted).Count == 1 && kit.State("app").Status == ServiceStatus.Running, Minute, what: "app back after its own crash");
        var appStart = (await kit.Engine.InspectContainerAsync("box-app-1", SupervisorKit.Ct)).State.StartedAt;

        kit.Engine.Faults.Crash("box-db-1", 1);
        await kit.UntilAsync(() => kit.Messages(SupervisorEventKind.Restarted).Any(m => m.StartsWith("restarted app: db was restarted", StringComparison.Ordinal)), Minute, what: "app restarted after db");

        var info = await kit.Engine.InspectContainerAsync("box-app-1", SupervisorKit.Ct);
        Assert.True(info.State.Running);
        Assert.True(info.State.StartedAt > appStart);
        Assert.Equal(0, kit.Store.Services("box")["app"].Attempts);
        Assert.Equal(1, kit.Store.Services("box")["db"].Attempts);
    }

    [Fact]
    public async Task Supervisor_DependentCrashedWhileDependencyDown_ResetsItsCountersWhenBothAreBack()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App.Replace("restart: true", "restart: false", StringComparison.Ordinal)));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

        kit.Engine.Faults.Crash("box-db-1", 1);
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Restarting, Minute, TimeSpan.FromMilliseconds(10));
        kit.Engine.Faults.Crash("box-app-1", 1);
        await kit.UntilAsync(() => kit.State("app").Status is ServiceStatus.Running && kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "both back");

        Assert.Contains(kit.Messages(SupervisorEventKind.CountersReset), m => m.StartsWith("app: counters reset", StringComparison.Ordinal));
        Assert.Equal(0, kit.Store.Services("box")["app"].Attempts);
    }

    [Fact]
    public async Task Supervisor_ProbeStartsFailing_RestartsAfterRetries()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "db healthy");
        var started = (await kit.Engine.InspectContainerAsync("box-db-1", SupervisorKit.Ct)).State.StartedAt;
        var failing = kit.Engine.Exec.Script("box-db-1", cmd => cmd.Contains("probe"), ScriptedFailure());

        await kit.UntilAsync(() => kit.State("db").Status is ServiceStatus.Restarting or ServiceStatus.Healing, Minute, TimeSpan.FromMilliseconds(50), "db unhealthy");
        failing.Remove();
        await kit.UntilAsync(async () => (await kit.Engine.InspectContainerAsync("box-db-1", SupervisorKit.Ct)).State.StartedAt > started && kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "db restarted and healthy");

        Assert.Contains(kit.Messages(SupervisorEventKind.Decision), m => m.StartsWith("db: unhealthy, attempt 1 of 3", StringComparison.Ordinal));
        var dossier = kit.Supervisor.Dossiers("box", "db")[0];
        Assert.Equal(FailureKind.Unhealthy, dossier.Failure.Kind);
        Assert.Contains("exit 1: connection refused", dossier.ProbeOutputs);
    }

    [Fact]
    public async Task Supervisor_OomKill_IsClassifiedAndBackedOff()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "db healthy");

        kit.Engine.Faults.OomKill("box-db-1");
        await kit.UntilAsync(() => kit.State("db").Status == ServiceStatus.Restarting, Minute, TimeSpan.FromMilliseconds(10), "db restarting");

        Assert.Equal("killed (OOM), attempt 1 of 3, backoff 1 s", kit.State("db").Reason);
        Assert.True(kit.Supervisor.Dossiers("box", "db")[0].OomKilled);
    }

    [Fact]
    public async Task Supervisor_ContainerRemovedBehindItsBack_RecreatesIt()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

        await kit.Engine.RemoveContainerAsync("box-app-1", force: true, cancellationToken: SupervisorKit.Ct);
        await kit.UntilAsync(() => kit.RunningAsync("box-app-1"), Minute, what: "app recreated");

        Assert.Contains(kit.Messages(SupervisorEventKind.Decision), m => m.StartsWith("app: removed, attempt 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervisor_EngineStreamDownWhileContainerDied_RelistsAndRestartsIt()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

        kit.Engine.Faults.Disconnect();
        kit.Engine.Faults.Crash("box-app-1", 2);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        await kit.SettleAsync();
        kit.Engine.Faults.Reconnect();
        await kit.UntilAsync(() => kit.RunningAsync("box-app-1"), Minute, what: "app restarted after the reconnect");

        Assert.Contains(kit.Messages(SupervisorEventKind.Reconnected), m => m.Contains("re-listed", StringComparison.Ordinal));
        Assert.Contains(kit.Messages(SupervisorEventKind.Decision), m => m.StartsWith("app: crashed (exit 2)", StringComparison.Ordinal));
    }

    private static Func<Engine.Testing.ExecRequest, Engine.Testing.ScriptedExecResult> ScriptedFailure() =>
        _ => Engine.Testing.ScriptedExecResult.Failure(1, "connection refused");
}

using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Stacks;
using Coxswain.Supervision.Tests.Support;
using Xunit;

namespace Coxswain.Supervision.Tests.Supervising;

/// <summary>User intent and recovery: state survives the daemon, containers are adopted by label, nothing duplicated.</summary>
public sealed class SupervisorRecoveryTests
{
    private const string App = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: always
            healthcheck: { test: ["CMD", "probe"], interval: 1s }
            x-cox: { restart: { jitter: 0 } }
          app:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: always
            depends_on: { db: { condition: service_healthy } }
            x-cox: { restart: { jitter: 0 } }
        """;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task StopService_ByUser_IsNeverRestartedAcrossDaemonRestarts()
    {
        var time = new ManualTimeProviderHolder();
        string store;
        {
            await using var kit = new SupervisorKit(time: time.Time, engine: time.Engine);
            store = kit.StorePath;
            await kit.StartWithAsync(ComposeText.Load(App));
            await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

            var state = await kit.RunAsync(kit.Supervisor.StopServiceAsync("box", "app", SupervisorKit.Ct));

            Assert.Equal("stopped by user", state.Describe(kit.Time.GetUtcNow()));
            kit.Time.Advance(TimeSpan.FromMinutes(10));
            await kit.SettleAsync();
            Assert.False(await kit.RunningAsync("box-app-1"));
        }

        await using var again = new SupervisorKit(store, time.Time, time.Engine);
        var reports = await again.RunAsync(again.Supervisor.StartAsync(SupervisorKit.Ct));
        await again.UntilAsync(() => again.State("db").Status == ServiceStatus.Healthy, Minute, what: "db healthy after restart");

        Assert.Equal(["app"], Assert.Single(reports).NotStarted);
        Assert.Equal(ServiceStatus.StoppedByUser, again.State("app").Status);
        Assert.False(await again.RunningAsync("box-app-1"));
    }

    [Fact]
    public async Task StartService_AfterUserStop_StartsItOnceItsDependencyIsReady()
    {
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");
        await kit.RunAsync(kit.Supervisor.StopServiceAsync("box", "app", SupervisorKit.Ct));

        await kit.RunAsync(kit.Supervisor.StartServiceAsync("box", "app", SupervisorKit.Ct));
        await kit.UntilAsync(() => kit.RunningAsync("box-app-1"), Minute, what: "app running again");

        Assert.Contains("app started by user", kit.Messages(SupervisorEventKind.UserStarted));
    }

    [Fact]
    public async Task Start_ContainersLeftInCreated_StartsThemInDependencyOrder()
    {
        var holder = new ManualTimeProviderHolder();
        var project = ComposeText.Load(App);
        var desired = DesiredStateBuilder.Build(project);
        foreach (var network in desired.Networks)
        {
            await holder.Engine.CreateNetworkAsync(network, SupervisorKit.Ct);
        }

        foreach (var container in desired.Containers)
        {
            await holder.Engine.CreateContainerAsync(container.Spec, SupervisorKit.Ct);
        }

        await using var kit = new SupervisorKit(time: holder.Time, engine: holder.Engine);
        var report = await kit.StartWithAsync(project);
        await kit.UntilAsync(() => kit.RunningAsync("box-app-1"), Minute, what: "app running");

        Assert.Equal(["box-app-1", "box-db-1"], report.Adopted.Order(StringComparer.Ordinal));
        Assert.Equal(["box-db-1", "box-app-1"], report.Started);
        var db = (await kit.Engine.InspectContainerAsync("box-db-1", SupervisorKit.Ct)).State.StartedAt;
        var app = (await kit.Engine.InspectContainerAsync("box-app-1", SupervisorKit.Ct)).State.StartedAt;
        Assert.True(db < app);
        Assert.Equal(2, (await kit.Engine.ListContainersAsync(new ContainerListOptions(), SupervisorKit.Ct)).Count);
    }

    [Fact]
    public async Task EngineRestart_ItsShutdownStopsAreNotUserStops_StackComesBackInDependencyOrderOnceItAnswers()
    {
        // A backoff of a minute: the restarts the die events ask for cannot run before the stop events are read.
        await using var kit = new SupervisorKit();
        await kit.StartWithAsync(ComposeText.Load(App.Replace("jitter: 0", "jitter: 0, initial_delay: 1m", StringComparison.Ordinal)));
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: "app running");

        kit.Time.Advance(TimeSpan.FromSeconds(5));
        await kit.SettleAsync();

        // A shutting-down engine stops every container (kill, die and stop events, as a person's `docker stop` would), then its stream drops.
        await kit.Engine.StopContainerAsync("box-app-1", TimeSpan.Zero, SupervisorKit.Ct);
        await kit.Engine.StopContainerAsync("box-db-1", TimeSpan.Zero, SupervisorKit.Ct);
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.StoppedByUser && kit.State("db").Status == ServiceStatus.StoppedByUser, Minute, TimeSpan.FromMilliseconds(10), "both stops taken as a person's at first");
        kit.Engine.Faults.Disconnect();
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.WaitingForEngine && kit.State("db").Status == ServiceStatus.WaitingForEngine, Minute, TimeSpan.FromMilliseconds(10), "both waiting for the engine");
        kit.Time.Advance(TimeSpan.FromSeconds(30));
        await kit.SettleAsync();
        Assert.Equal("waiting for the engine", kit.State("db").Describe(kit.Time.GetUtcNow()));

        kit.Engine.Faults.Reconnect();
        await kit.UntilAsync(() => kit.RunningAsync("box-app-1"), Minute, what: "app back after the engine");
        await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running && kit.State("db").Status == ServiceStatus.Healthy, Minute, what: "both up");

        var db = (await kit.Engine.InspectContainerAsync("box-db-1", SupervisorKit.Ct)).State.StartedAt;
        var app = (await kit.Engine.InspectContainerAsync("box-app-1", SupervisorKit.Ct)).State.StartedAt;
        Assert.True(db + TimeSpan.FromSeconds(1) <= app, $"app started at {app:O}, before db (started {db:O}) passed its first probe");
        Assert.DoesNotContain(kit.Store.Services("box").Values, s => s.UserStopped);
        Assert.Equal(2, kit.Messages(SupervisorEventKind.StateChanged).Count(m => m.Contains("was the engine's, not a person's", StringComparison.Ordinal)));
        Assert.Contains(kit.Messages(SupervisorEventKind.EngineDown), m => m.Contains("restarts wait until the engine answers again", StringComparison.Ordinal));
        Assert.Contains("db: counters reset: it failed while the engine was down, and both are back", kit.Messages(SupervisorEventKind.CountersReset));
        Assert.Equal(2, (await kit.Engine.ListContainersAsync(new ContainerListOptions(), SupervisorKit.Ct)).Count);
    }

    [Fact]
    public async Task Start_AfterDaemonCrash_KeepsCountersAdoptsWithoutDuplicatesAndReportsInFlightWork()
    {
        var holder = new ManualTimeProviderHolder();
        var kit = new SupervisorKit(time: holder.Time, engine: holder.Engine);
        await kit.StartWithAsync(ComposeText.Load(App));
        for (var i = 0; i < 3; i++)
        {
            await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Running, Minute, what: $"app running before crash {i + 1}");
            kit.Engine.Faults.Crash("box-app-1", 1);
            await kit.UntilAsync(() => kit.State("app").Status == ServiceStatus.Restarting, Minute, TimeSpan.FromMilliseconds(10));
        }

        kit.Store.BeginOperation("box", "app", "heal app: crashed (exit 1), attempt 3 of 10, backoff 4 s", kit.Time.GetUtcNow());
        await kit.DisposeAsync();

        await using var again = new SupervisorKit(kit.StorePath, holder.Time, holder.Engine);
        var report = Assert.Single(await again.RunAsync(again.Supervisor.StartAsync(SupervisorKit.Ct)));
        await again.UntilAsync(() => again.State("app").Status == ServiceStatus.Running, Minute, what: "app running after recovery");
        again.Engine.Faults.Crash("box-app-1", 1);
        await again.UntilAsync(() => again.State("app").Status == ServiceStatus.Restarting, Minute, TimeSpan.FromMilliseconds(10));

        Assert.Equal(["heal app: crashed (exit 1), attempt 3 of 10, backoff 4 s"], report.Resumed);
        Assert.Equal("crashed (exit 1), attempt 4 of 10, backoff 8 s", again.State("app").Reason);
        Assert.DoesNotContain(again.Store.InFlight(), o => o.What.StartsWith("heal app: crashed (exit 1), attempt 3", StringComparison.Ordinal));
        Assert.Equal(2, (await again.Engine.ListContainersAsync(new ContainerListOptions(), SupervisorKit.Ct)).Count);
    }

    [Fact]
    public async Task Start_DriftedOrphanedAndForeignContainers_AreRecreatedRemovedAndLeftAlone()
    {
        var holder = new ManualTimeProviderHolder();
        var old = DesiredStateBuilder.Build(ComposeText.Load(App + "\n" + """
              gone:
                image: busybox:test
                command: ["sh", "-c", "sleep 100000"]
            """));
        foreach (var network in old.Networks)
        {
            await holder.Engine.CreateNetworkAsync(network, SupervisorKit.Ct);
        }

        foreach (var container in old.Containers)
        {
            var spec = container.Service.Name == "db"
                ? container.Spec with { Labels = new Dictionary<string, string>(container.Spec.Labels) { [StackLabels.ConfigHash] = "old" } }
                : container.Spec;
            if (container.Service.Name == "app")
            {
                spec = spec with { Labels = new Dictionary<string, string>() };
            }

            await holder.Engine.StartContainerAsync((await holder.Engine.CreateContainerAsync(spec, SupervisorKit.Ct)).Id, SupervisorKit.Ct);
        }

        await using var kit = new SupervisorKit(time: holder.Time, engine: holder.Engine);
        var report = await kit.StartWithAsync(ComposeText.Load(App));

        Assert.Equal(["box-db-1"], report.Recreated);
        Assert.Equal(["box-gone-1"], report.Removed);
        Assert.Equal(["box-app-1"], report.LeftAlone);
        Assert.StartsWith("stack box: adopted", report.ToText(), StringComparison.Ordinal);
    }

    /// <summary>A clock and an engine shared by two supervisor lifetimes (a daemon restart).</summary>
    private sealed class ManualTimeProviderHolder
    {
        public ManualTimeProviderHolder()
        {
            Engine = new InMemoryEngine(Time);
            Engine.AddLocalImage("busybox:test");
            Engine.Exec.Script(cmd => cmd.Contains("probe"), ScriptedExecResult.Success("ok"));
        }

        public ManualTimeProvider Time { get; } = new();

        public InMemoryEngine Engine { get; }
    }
}

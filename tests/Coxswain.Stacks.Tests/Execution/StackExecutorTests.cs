using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Execution;

public sealed class StackExecutorTests
{
    private const string Chain = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "echo db ready; sleep 1000"]
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            depends_on: [db]
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Brings up web and db without healthchecks (web waits for db started): the starting point of the down tests.</summary>
    private static async Task<Compose.ComposeProject> UpWithoutHealthchecksAsync(InMemoryEngine engine)
    {
        var project = TestProjects.Load(TestProjects.WebAndDb.Replace("""
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 1s
            """, "", StringComparison.Ordinal).Replace("service_healthy", "service_started", StringComparison.Ordinal));
        var up = await StackRunner.UpAsync(engine, DesiredStateBuilder.Build(project), null, Options(engine), Ct);
        Assert.True(up.Succeeded, string.Join("\n", up.Errors));
        return project;
    }

    [Fact]
    public async Task Up_FreshProject_CreatesEverythingInDependencyOrder()
    {
        await using var engine = NewEngine();
        var events = new List<StackEvent>();
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain));

        var result = await StackRunner.UpAsync(engine, desired, null, Options(engine, events), Ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var finished = events.Where(e => e.Kind == StackEventKind.Finished).Select(e => e.Operation).ToList();
        Assert.Equal(
            ["create network demo_default", "create container demo-db-1", "start container demo-db-1", "wait for db running", "create container demo-web-1", "start container demo-web-1"],
            finished);
        var web = await engine.InspectContainerAsync("demo-web-1", Ct);
        Assert.True(web.State.Running);
        Assert.Equal("web", web.Labels[StackLabels.Service]);
    }

    [Fact]
    public async Task Up_Twice_SecondTouchesNothing()
    {
        await using var engine = NewEngine();
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain));
        await StackRunner.UpAsync(engine, desired, null, Options(engine), Ct);
        var created = (await engine.InspectContainerAsync("demo-web-1", Ct)).Id;

        var plan = await StackRunner.PlanUpAsync(engine, desired, null, Ct);
        var result = await new StackExecutor(engine, desired.Project, Options(engine)).RunAsync(plan, Ct);

        Assert.Equal("up demo: nothing to do: 2 services up to date\n", plan.ToText());
        Assert.True(result.Succeeded);
        Assert.Equal(created, (await engine.InspectContainerAsync("demo-web-1", Ct)).Id);
    }

    [Fact]
    public async Task Up_ImageCannotBePulled_NamesServiceAndImageAndCreatesNothing()
    {
        await using var engine = NewEngine();
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain.Replace("image: busybox:test\n    command: [\"sh\", \"-c\", \"sleep 1000\"]", "image: nowhere/web:1\n    command: [\"sh\", \"-c\", \"sleep 1000\"]", StringComparison.Ordinal)));

        var result = await StackRunner.UpAsync(engine, desired, null, Options(engine) with { PullRetries = 0 }, Ct);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("pull image nowhere/web:1: cannot pull image nowhere/web:1 for service web:", error, StringComparison.Ordinal);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
        Assert.Empty(await engine.ListNetworksAsync([StackLabels.ProjectFilter("demo")], Ct));
    }

    [Fact]
    public async Task Up_PullFailsOnce_IsRetriedAfterABackoffOnTheClock()
    {
        await using var engine = NewEngine();
        engine.Registry.Add("nowhere/web:1");
        engine.Faults.FailPull("nowhere/web:1", times: 1);
        var events = new List<StackEvent>();
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain.Replace("image: busybox:test\n    command: [\"sh\", \"-c\", \"sleep 1000\"]", "image: nowhere/web:1\n    command: [\"sh\", \"-c\", \"sleep 1000\"]", StringComparison.Ordinal)));
        var time = (ManualTimeProvider)engine.TimeProvider;

        var running = StackRunner.UpAsync(engine, desired, null, Options(engine, events), Ct);
        await time.WaitForTimersAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(events, e => e.Kind == StackEventKind.Progress && e.Operation == "pull image nowhere/web:1" && e.Message.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_ContainerExitsAtOnce_ReportsExitCodeAndLogTailAndRollsBack()
    {
        await using var engine = NewEngine();
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain.Replace("echo db ready; sleep 1000", "echo cannot open database; exit 3", StringComparison.Ordinal)));

        var result = await StackRunner.UpAsync(engine, desired, null, Options(engine), Ct);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("demo-db-1 (service db) exited right after it started: exit code 3", error, StringComparison.Ordinal);
        Assert.Contains("cannot open database", error, StringComparison.Ordinal);
        Assert.Equal(["demo-db-1"], result.RolledBack);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
    }

    [Fact]
    public async Task Up_PortTaken_NamesThePort()
    {
        await using var engine = NewEngine();
        engine.Faults.FailStart("demo-db-1", "driver failed programming external connectivity: Bind for 0.0.0.0:8080 failed: port is already allocated");
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Chain));

        var result = await StackRunner.UpAsync(engine, desired, null, Options(engine), Ct);

        var error = Assert.Single(result.Errors);
        Assert.Contains("cannot start demo-db-1 (service db): host port 8080 is already taken", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Down_AfterUp_LeavesNothingLabelled()
    {
        await using var engine = NewEngine();
        var project = await UpWithoutHealthchecksAsync(engine);

        var down = await StackRunner.DownAsync(engine, project, new DownOptions { RemoveVolumes = true, Timeout = TimeSpan.Zero }, Options(engine), Ct);

        Assert.True(down.Succeeded, string.Join("\n", down.Errors));
        IReadOnlyList<string> filter = [StackLabels.ProjectFilter("demo")];
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, Ct));
        Assert.Empty(await engine.ListNetworksAsync(filter, Ct));
        Assert.Empty(await engine.ListVolumesAsync(filter, Ct));
    }

    [Fact]
    public async Task Down_PlansFromListsAlone_InspectsNoContainer()
    {
        await using var engine = NewEngine();
        var project = await UpWithoutHealthchecksAsync(engine);
        var inspect = engine.Faults.FailCall("InspectContainer");

        var down = await StackRunner.DownAsync(engine, project, new DownOptions { Timeout = TimeSpan.Zero }, Options(engine), Ct);

        Assert.True(down.Succeeded, string.Join("\n", down.Errors));
        Assert.Equal(0, inspect.Hits);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions { Labels = [StackLabels.ProjectFilter("demo")] }, Ct));
    }

    [Fact]
    public async Task Down_NetworkInUseWithNoContainerLeft_FailsNamingTheEngineBugAndTheNetworkLeftBehind()
    {
        await using var engine = NewEngine();
        var project = await UpWithoutHealthchecksAsync(engine);
        engine.Faults.FailCall("RemoveNetwork", () => new EngineConflictException("remove network demo_default", "network demo_default has active endpoints"));

        var down = await StackRunner.DownAsync(
            engine, project, new DownOptions { Timeout = TimeSpan.Zero }, Options(engine) with { NetworkRemoveRetryDelay = TimeSpan.Zero }, Ct);

        Assert.False(down.Succeeded);
        var error = Assert.Single(down.Errors);
        Assert.Contains("network demo_default is left behind", error, StringComparison.Ordinal);
        Assert.Contains("moby/moby#42119", error, StringComparison.Ordinal);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions { Labels = [StackLabels.ProjectFilter("demo")] }, Ct));
    }

    [Fact]
    public async Task Down_NetworkStillReportedInUseForAMoment_RetriesTheRemovalAndSucceeds()
    {
        await using var engine = NewEngine();
        var project = await UpWithoutHealthchecksAsync(engine);
        var inUse = engine.Faults.FailCall(
            "RemoveNetwork", () => new EngineConflictException("remove network demo_default", "network demo_default has active endpoints"), times: 2);

        var down = await StackRunner.DownAsync(
            engine, project, new DownOptions { Timeout = TimeSpan.Zero }, Options(engine) with { NetworkRemoveRetryDelay = TimeSpan.Zero }, Ct);

        Assert.True(down.Succeeded, string.Join("\n", down.Errors));
        Assert.Equal(2, inUse.Hits);
        Assert.Empty(await engine.ListNetworksAsync([StackLabels.ProjectFilter("demo")], Ct));
    }

    [Fact]
    public async Task Up_ServiceWithBuild_BuildsTheImageNamedAfterProjectAndService()
    {
        await using var engine = NewEngine();
        var project = TestProjects.Load(
            "services:\n  app:\n    build: ./app\n    command: [\"sh\", \"-c\", \"sleep 1000\"]\n",
            "demo",
            ("Dockerfile", "unused"));
        Directory.CreateDirectory(Path.Combine(project.WorkingDirectory, "app"));
        File.WriteAllText(Path.Combine(project.WorkingDirectory, "app", "Dockerfile"), "FROM busybox:test\nLABEL built=yes\n");
        var desired = DesiredStateBuilder.Build(project);

        var plan = await StackRunner.PlanUpAsync(engine, desired, null, Ct);
        var result = await new StackExecutor(engine, project, Options(engine)).RunAsync(plan, Ct);

        Assert.StartsWith("up demo: 4 operations\n  1. build image demo-app: not built yet; used by app\n", plan.ToText(), StringComparison.Ordinal);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("demo-app", (await engine.InspectContainerAsync("demo-app-1", Ct)).Image);
    }

    private static InMemoryEngine NewEngine()
    {
        var engine = new InMemoryEngine(new ManualTimeProvider());
        engine.AddLocalImage("busybox:test");
        return engine;
    }

    private static StackExecutorOptions Options(InMemoryEngine engine, List<StackEvent>? events = null) => new()
    {
        TimeProvider = engine.TimeProvider,
        MaxParallelism = 1,
        Progress = events is null ? null : new ListProgress(events),
    };

    private sealed class ListProgress(List<StackEvent> events) : IProgress<StackEvent>
    {
        public void Report(StackEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}

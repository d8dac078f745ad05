using Coxswain.Engine;

namespace Coxswain.Plans.Tests.Operations.Engine;

public sealed class ImageAndNetworkOperationTests
{
    [Fact]
    public async Task Image_Missing_PulledChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        h.Engine.Registry.Add("example.test/app:1");
        const string Yaml = "tasks:\n  app: { type: image, image: example.test/app:1 }\n";

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal(PlanTaskStatus.Changed, first["app"].Status);
        Assert.Equal("pulled example.test/app:1", first["app"].Message);
        Assert.Equal(PlanTaskStatus.Unchanged, second["app"].Status);
        Assert.StartsWith("example.test/app:1 is present", second["app"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_NotInRegistry_FailsNamingImageAndEngine()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync("tasks:\n  app: { type: image, image: example.test/missing:1 }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["app"].Status);
        Assert.Contains("cannot pull example.test/missing:1 on unix:///in-memory/docker.sock", report["app"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_BusyboxSource_ImportedChanged_ThenUnchanged()
    {
        if (!File.Exists(LocalImages.HostBusyboxPath))
        {
            // scripts/engines.sh installs it, so in CI its absence is a failure, never a skip.
            const string Why = "needs the static /bin/busybox (apt-get install busybox-static, or scripts/engines.sh start)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Why);
            }

            Assert.Skip(Why);
        }

        await using var h = new EngineHarness();
        const string Yaml = "tasks:\n  bb: { type: image, image: 'cox-plan-test:1', source: busybox }\n";

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal(PlanTaskStatus.Changed, first["bb"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["bb"].Status);
    }

    [Fact]
    public async Task Image_DryRun_SaysWouldPullThenNoChange()
    {
        await using var h = new EngineHarness();
        h.Engine.Registry.Add("example.test/app:1");
        const string Yaml = "tasks:\n  app: { type: image, image: example.test/app:1 }\n";

        var before = await h.Load(Yaml).DryRunAsync(Drive.Token).Bounded();
        await h.RunAsync(Yaml);
        var after = await h.Load(Yaml).DryRunAsync(Drive.Token).Bounded();

        Assert.Equal((DryRunOutcome.WouldChange, "would pull example.test/app:1"), (before.Tasks.Single().Outcome, before.Tasks.Single().Reason));
        Assert.Equal(DryRunOutcome.NoChange, after.Tasks.Single().Outcome);
    }

    [Fact]
    public async Task Network_FirstCreatesChanged_SecondUnchanged()
    {
        await using var h = new EngineHarness();
        const string Yaml = "tasks:\n  net: { type: network, name: appnet, labels: { team: web } }\n";

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal(PlanTaskStatus.Changed, first["net"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["net"].Status);
        var network = await h.Engine.InspectNetworkAsync("appnet", Drive.Token);
        Assert.Equal("web", network.Labels["team"]);
    }

    [Fact]
    public async Task Network_ExistsWithOtherDriver_FailsSayingWhatToDo()
    {
        await using var h = new EngineHarness();
        await h.Engine.CreateNetworkAsync(new NetworkSpec("appnet") { Driver = "bridge" }, Drive.Token);

        var report = await h.RunAsync("tasks:\n  net: { type: network, name: appnet, driver: macvlan }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["net"].Status);
        Assert.Contains("exists with driver 'bridge', but the plan wants 'macvlan'", report["net"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkAbsent_Exists_RemovedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.Engine.CreateNetworkAsync(new NetworkSpec("appnet"), Drive.Token);
        const string Yaml = "tasks:\n  net: { type: network, name: appnet, state: absent }\n";

        var dryRun = await h.Load(Yaml).DryRunAsync(Drive.Token).Bounded();
        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal((DryRunOutcome.WouldChange, "would remove network appnet"), (dryRun.Tasks.Single().Outcome, dryRun.Tasks.Single().Reason));
        Assert.Equal(PlanTaskStatus.Changed, first["net"].Status);
        Assert.Equal("removed network appnet", first["net"].Message);
        Assert.Equal(PlanTaskStatus.Unchanged, second["net"].Status);
        Assert.Equal("network appnet does not exist", second["net"].Message);
        Assert.DoesNotContain(await h.Engine.ListNetworksAsync(null, Drive.Token), n => n.Name == "appnet");
    }

    [Fact]
    public async Task NetworkAbsent_ContainerAttached_FailsSayingWhatToDo()
    {
        await using var h = new EngineHarness();
        var report = await h.RunAsync("""
            tasks:
              net: { type: network, name: appnet }
              app: { type: container, name: app, image: busybox:test, command: sleep 1000, networks: [appnet], depends_on: net }
              gone: { type: network, name: appnet, state: absent, depends_on: app }
            """);

        Assert.Equal(PlanTaskStatus.Failed, report["gone"].Status);
        Assert.Contains("Task 'gone': cannot remove network 'appnet' on unix:///in-memory/docker.sock: it is in use", report["gone"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkAbsent_WithDriver_IsRefusedWhenLoaded()
    {
        await using var h = new EngineHarness();
        var ex = Assert.Throws<PlanValidationException>(() => h.Load("tasks:\n  net: { type: network, name: appnet, state: absent, driver: bridge }\n"));

        Assert.Contains("'driver' has no meaning with 'state: absent'; remove it.", ex.Message, StringComparison.Ordinal);
    }
}

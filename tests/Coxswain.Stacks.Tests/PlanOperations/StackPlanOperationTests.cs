using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Plans;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Operations.Engine;
using Coxswain.Plans.Yaml;
using Coxswain.Stacks.PlanOperations;
using Xunit;

namespace Coxswain.Stacks.Tests.PlanOperations;

public sealed class StackPlanOperationTests : IEngineResolver, IAsyncDisposable
{
    private const string Compose = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            stop_grace_period: 0s
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            stop_grace_period: 0s
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly InMemoryEngine engine = NewEngine();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cox-stack-plan-tests", Guid.NewGuid().ToString("N"));

    public StackPlanOperationTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "app"));
        File.WriteAllText(Path.Combine(folder, "app", "compose.yaml"), Compose);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_FirstRunChanged_IdenticalSecondRunUnchanged()
    {
        const string Plan = "tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo }\n";

        var first = await RunAsync(Plan);
        var created = (await engine.InspectContainerAsync("demo-web-1", Ct)).Id;
        var second = await RunAsync(Plan);

        Assert.Equal(PlanTaskStatus.Changed, first["app"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["app"].Status);
        Assert.Equal("up demo: nothing to do: 2 services up to date", second["app"].Message);
        var web = await engine.InspectContainerAsync("demo-web-1", Ct);
        Assert.True(web.State.Running);
        Assert.Equal(created, web.Id);
    }

    [Fact]
    public async Task Up_WithWait_ChangedThenUnchanged()
    {
        const string Plan = "tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo, wait: true }\n";

        var first = await RunAsync(Plan);
        var second = await RunAsync(Plan);

        Assert.Equal(PlanTaskStatus.Changed, first["app"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["app"].Status);
    }

    [Fact]
    public async Task Down_AfterUp_RemovesTheStack_ThenUnchanged()
    {
        await RunAsync("tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo }\n");
        const string Down = "tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo, state: down }\n";

        var first = await RunAsync(Down);
        var second = await RunAsync(Down);

        Assert.Equal(PlanTaskStatus.Changed, first["app"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["app"].Status);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
        Assert.Empty(await engine.ListNetworksAsync([StackLabels.ProjectFilter("demo")], Ct));
    }

    [Fact]
    public async Task DryRun_BeforeUp_WouldChange_AfterUp_NoChange()
    {
        const string Plan = "tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo }\n";

        var before = await Load(Plan).DryRunAsync(Ct).WaitAsync(Bound, Ct);
        await RunAsync(Plan);
        var after = await Load(Plan).DryRunAsync(Ct).WaitAsync(Bound, Ct);

        var would = Assert.Single(before.Tasks);
        Assert.Equal(DryRunOutcome.WouldChange, would.Outcome);
        Assert.StartsWith("would up demo:", would.Reason, StringComparison.Ordinal);
        Assert.Equal(DryRunOutcome.NoChange, Assert.Single(after.Tasks).Outcome);
        Assert.Equal(2, (await engine.ListContainersAsync(new ContainerListOptions(), Ct)).Count);
    }

    [Fact]
    public async Task Up_BrokenComposeFile_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(folder, "app", "compose.yaml"), "services:\n  web:\n    command: true\n");

        var report = await RunAsync("tasks:\n  app: { type: stack, file: app/compose.yaml, project: demo }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["app"].Status);
        Assert.Contains("Task 'app': cannot load the Compose file " + Path.Combine(folder, "app", "compose.yaml"), report["app"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadState_ReportsTheKey()
    {
        var ex = Assert.Throws<PlanValidationException>(() => Load("tasks:\n  app: { type: stack, file: app/compose.yaml, state: sideways }\n"));

        Assert.Contains("'state' must be 'up' or 'down', not 'sideways'.", ex.Message, StringComparison.Ordinal);
    }

    public ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IEngineClient>(engine);

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static InMemoryEngine NewEngine()
    {
        var engine = new InMemoryEngine();
        engine.AddLocalImage("busybox:test");
        return engine;
    }

    private Plan Load(string yaml)
    {
        var file = Path.Combine(folder, "plan.yaml");
        File.WriteAllText(file, yaml);
        return YamlPlanLoader.LoadFile(file, new YamlPlanLoadOptions
        {
            Operations = StackPlanOperations.Register(EngineOperations.Register(OperationRegistry.CreateDefault())),
            PlanOptions = new PlanOptions { Engines = this },
        }).Plan;
    }

    private Task<Report> RunAsync(string yaml) => Load(yaml).RunAsync(Ct).WaitAsync(Bound, Ct);
}

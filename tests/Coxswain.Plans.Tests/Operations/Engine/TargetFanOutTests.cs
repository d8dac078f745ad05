namespace Coxswain.Plans.Tests.Operations.Engine;

public sealed class TargetFanOutTests
{
    private const string Yaml = $$"""
        targets: { a: unix:///a.sock, b: unix:///b.sock }
        tasks:
          net: { type: network, name: appnet, target: _all }
          web: { type: container, name: web, image: {{EngineHarness.BusyboxImage}}, command: "sleep 3000", networks: [appnet], target: _all, depends_on: net }
          report: { type: noop, depends_on: web, when: changed(web) }
          only_a: { type: stop, container: none, target: a }
        """;

    [Fact]
    public async Task All_FansOutOneTaskPerTarget_NamedNameAtTarget()
    {
        await using var h = new EngineHarness("a", "b");

        var plan = h.Load(Yaml);
        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["net@a", "net@b", "web@a", "web@b", "report", "only_a"], plan.Tasks.Select(t => t.Name));
        Assert.Equal(["net@a"], plan.Find("web@a")!.Dependencies);
        Assert.Equal(["web@a", "web@b"], plan.Find("report")!.Dependencies);
        Assert.Equal("b", plan.Find("web@b")!.Target);
        Assert.Equal(PlanTaskStatus.Changed, report["web@a"].Status);
        Assert.Equal(PlanTaskStatus.Changed, report["web@b"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, report["report"].Status);
        Assert.True((await h.Targets["a"].InspectContainerAsync("web", Drive.Token)).State.Running);
        Assert.True((await h.Targets["b"].InspectContainerAsync("web", Drive.Token)).State.Running);
        Assert.Empty(await h.Engine.ListContainersAsync(cancellationToken: Drive.Token));
    }

    [Fact]
    public async Task All_SecondRun_EveryTargetUnchanged_WhenSeesNoChange()
    {
        await using var h = new EngineHarness("a", "b");
        await h.RunAsync(Yaml);

        var second = await h.RunAsync(Yaml);

        Assert.All(new[] { "net@a", "net@b", "web@a", "web@b" }, t => Assert.Equal(PlanTaskStatus.Unchanged, second[t].Status));
        Assert.Equal(PlanTaskStatus.Skipped, second["report"].Status);
    }

    [Fact]
    public void All_WithoutTargets_Rejected()
    {
        var h = new EngineHarness();
        var ex = Assert.Throws<PlanValidationException>(() => h.Load("tasks:\n  n: { type: network, name: x, target: _all }\n"));

        Assert.Contains(ex.Errors, e => e.Message.Contains("target '_all' runs the task once per entry of 'targets', but the plan defines no targets", StringComparison.Ordinal));
    }
}

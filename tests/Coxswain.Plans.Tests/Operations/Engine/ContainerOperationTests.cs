using Coxswain.Engine;
using Coxswain.Plans.Operations.Engine;

namespace Coxswain.Plans.Tests.Operations.Engine;

public sealed class ContainerOperationTests
{
    private const string Server = "trap 'exit 0' TERM; sleep 3000 & wait";

    private static string Yaml(string env = "one") => $$"""
        tasks:
          web:
            type: container
            name: web
            image: {{EngineHarness.BusyboxImage}}
            command: "{{Server}}"
            env: { MODE: {{env}} }
            ports: ["127.0.0.1:18080:8080"]
            labels: { app: web }
        """;

    [Fact]
    public async Task Container_Missing_CreatedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();

        var first = await h.RunAsync(Yaml());
        var second = await h.RunAsync(Yaml());

        Assert.Equal(PlanTaskStatus.Changed, first["web"].Status);
        Assert.Equal("created and started web", first["web"].Message);
        Assert.Equal(PlanTaskStatus.Unchanged, second["web"].Status);
        var info = await h.Engine.InspectContainerAsync("web", Drive.Token);
        Assert.True(info.State.Running);
        Assert.Equal("true", info.Labels[ContainerOperation.ManagedLabel]);
        Assert.Equal("web", info.Labels["app"]);
        Assert.Matches("^[0-9a-f]{16}$", info.Labels[ContainerOperation.ConfigHashLabel]);
    }

    [Fact]
    public async Task Container_SpecChanged_RecreatedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Yaml("one"));
        var before = await h.Engine.InspectContainerAsync("web", Drive.Token);

        var changed = await h.RunAsync(Yaml("two"));
        var again = await h.RunAsync(Yaml("two"));

        Assert.Equal("recreated web (spec changed)", changed["web"].Message);
        Assert.Equal(PlanTaskStatus.Unchanged, again["web"].Status);
        var after = await h.Engine.InspectContainerAsync("web", Drive.Token);
        Assert.NotEqual(before.Id, after.Id);
        Assert.Contains("MODE=two", after.Environment);
    }

    [Fact]
    public async Task Container_Stopped_StartedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Yaml());
        await h.Engine.StopContainerAsync("web", cancellationToken: Drive.Token);

        var restarted = await h.RunAsync(Yaml());
        var again = await h.RunAsync(Yaml());

        Assert.Equal("started web (was exited)", restarted["web"].Message);
        Assert.Equal(PlanTaskStatus.Unchanged, again["web"].Status);
    }

    [Fact]
    public async Task Container_ForeignContainerOfThatName_FailsAndLeavesItAlone()
    {
        await using var h = new EngineHarness();
        var foreign = await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "web", Image = EngineHarness.BusyboxImage }, Drive.Token);

        var report = await h.RunAsync(Yaml());

        Assert.Equal(PlanTaskStatus.Failed, report["web"].Status);
        Assert.Contains("container 'web' on unix:///in-memory/docker.sock exists but was not created by a plan", report["web"].Error, StringComparison.Ordinal);
        Assert.Equal(foreign.Id, (await h.Engine.InspectContainerAsync("web", Drive.Token)).Id);
    }

    [Fact]
    public async Task Container_ImageMissing_FailsWithHint()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync("tasks:\n  web: { type: container, name: web, image: nothere:1 }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["web"].Status);
        Assert.Contains("Add an 'image' (or 'network') task it depends on", report["web"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_DryRun_WouldCreate_ThenNoChange_ThenWouldRecreate()
    {
        await using var h = new EngineHarness();

        var before = await h.Load(Yaml()).DryRunAsync(Drive.Token).Bounded();
        await h.RunAsync(Yaml());
        var same = await h.Load(Yaml()).DryRunAsync(Drive.Token).Bounded();
        var other = await h.Load(Yaml("two")).DryRunAsync(Drive.Token).Bounded();

        Assert.Equal("would create web", before.Tasks.Single().Reason);
        Assert.Equal(DryRunOutcome.NoChange, same.Tasks.Single().Outcome);
        Assert.Equal("would recreate web (spec changed)", other.Tasks.Single().Reason);
    }

    [Theory]
    [InlineData("ports: [\"nope\"]", "'nope' is not a port")]
    [InlineData("volumes: [\"data\"]", "'data' is not a volume")]
    [InlineData("restart: sometimes", "'restart' must be no, always")]
    [InlineData("command: x\n    argv: [y]", "not both")]
    public void Container_BadSettings_RejectedWithLocation(string extra, string message)
    {
        var h = new EngineHarness();
        var ex = Assert.Throws<PlanValidationException>(() => h.Load($"tasks:\n  web:\n    type: container\n    name: web\n    image: x\n    {extra}\n"));

        Assert.Contains(ex.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.TaskName == "web" && e.Location is not null);
    }
}

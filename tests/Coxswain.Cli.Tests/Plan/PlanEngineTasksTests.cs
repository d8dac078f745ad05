using System.Text.Json;
using Coxswain.Cli.Tests.Cli;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Plan;

/// <summary><c>cox plan run</c> with engine tasks against in-memory engines: the default engine and named targets.</summary>
public sealed class PlanEngineTasksTests
{
    private const string Image = "busybox:test";

    [Fact]
    public async Task Run_EngineTasksTwice_ChangedThenUnchanged()
    {
        using var dir = new PlanDirectory();
        await using var engine = new InMemoryEngine();
        engine.AddLocalImage(Image);
        var file = dir.Write("e.yaml", $$"""
            tasks:
              image: { type: image, image: {{Image}} }
              net: { type: network, name: appnet }
              web: { type: container, name: web, image: {{Image}}, command: "sleep 3000", networks: [appnet], depends_on: [image, net] }
              up: { type: wait, for: running, container: web, depends_on: web, interval: 10ms }
            """);

        var first = new CliRun { Engines = new TargetEngineConnector(engine) };
        var second = new CliRun { Engines = new TargetEngineConnector(engine) };
        Assert.Equal(0, await first.RunAsync("plan", "run", file, "--journal", dir.Journal, "--json"));
        Assert.Equal(0, await second.RunAsync("plan", "run", file, "--journal", dir.Journal, "--json"));

        Assert.Equal(["unchanged", "changed", "changed", "unchanged"], Statuses(first));
        Assert.Equal(["unchanged", "unchanged", "unchanged", "unchanged"], Statuses(second));
    }

    [Fact]
    public async Task Run_AllTargets_OneResultPerTarget_EachOnItsEngine()
    {
        using var dir = new PlanDirectory();
        await using var local = new InMemoryEngine();
        await using var a = new InMemoryEngine();
        await using var b = new InMemoryEngine();
        a.AddLocalImage(Image);
        b.AddLocalImage(Image);
        var connector = new TargetEngineConnector(local) { ByAddress = { ["unix:///a.sock"] = a, ["unix:///b.sock"] = b } };
        var file = dir.Write("t.yaml", $$"""
            targets: { a: "unix:///a.sock", b: "unix:///b.sock" }
            tasks:
              web: { type: container, name: web, image: {{Image}}, command: "sleep 3000", target: _all }
              hello: { type: command, command: "echo hi" }
            """);
        var run = new CliRun { Engines = connector };

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal, "--json");

        Assert.True(exit == 0, run.Out.ToString() + run.Error);
        using var doc = JsonDocument.Parse(run.Out.ToString());
        var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["web@a", "web@b", "hello"], tasks.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["a", "b"], tasks.Take(2).Select(t => t.GetProperty("target").GetString()));
        Assert.True((await a.InspectContainerAsync("web", TestContext.Current.CancellationToken)).State.Running);
        Assert.True((await b.InspectContainerAsync("web", TestContext.Current.CancellationToken)).State.Running);
        Assert.DoesNotContain(null, connector.Hosts);
    }

    [Fact]
    public async Task Run_TargetDoesNotAnswer_TaskFailsWithTheEnginesMessage()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("t.yaml", "targets: { far: \"unix:///far.sock\" }\ntasks:\n  net: { type: network, name: n, target: far }\n");
        var run = new CliRun { Engines = new TargetEngineConnector(new InMemoryEngine()) };

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal);

        Assert.Equal(1, exit);
        Assert.Contains("✗ net: failed — no container engine answered.", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("the engine of target 'far' (unix:///far.sock) is needed by this task but did not answer. nothing answers at unix:///far.sock", run.Out.ToString(), StringComparison.Ordinal);
    }

    private static List<string?> Statuses(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Out.ToString());
        return [.. doc.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("status").GetString())];
    }
}

using System.Text.Json;
using Coxswain.Cli.Tests.Cli;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Plan;

/// <summary><c>cox plan resume</c> and <c>cox plan history</c> in-process.</summary>
public sealed class PlanResumeAndHistoryTests
{
    private static CliRun Run() => new() { Engines = new TargetEngineConnector(new InMemoryEngine()) };

    [Fact]
    public async Task Resume_AfterFailure_RunsOnlyWhatDidNotSucceed_WithTheRecordedVariables()
    {
        using var dir = new PlanDirectory();
        var log = dir.File("ran.log");
        var gate = dir.File("gate");
        var file = dir.Write("r.yaml", $$"""
            variables: { who: default }
            tasks:
              first: { type: command, command: "echo first-${who} >> {{log}}" }
              flaky: { type: command, command: "test -f {{gate}} && echo flaky-${who} >> {{log}}", depends_on: first }
              last: { type: command, command: "echo last-${who} >> {{log}}", depends_on: flaky }
            """);
        var first = Run();
        Assert.Equal(1, await first.RunAsync("plan", "run", file, "--journal", dir.Journal, "--var", "who=me"));
        var runId = await LatestRunIdAsync(dir);
        await File.WriteAllTextAsync(gate, "", TestContext.Current.CancellationToken);

        var resume = Run();
        var exit = await resume.RunAsync("plan", "resume", runId, "--journal", dir.Journal);

        Assert.True(exit == 0, resume.Out.ToString() + resume.Error);
        Assert.Equal(["first-me", "flaky-me", "last-me"], await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken));
        Assert.Contains($"run {runId} resumed", resume.Out.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\nfirst +changed +- +from the journal: exit code 0", resume.Out.ToString());
    }

    [Fact]
    public async Task Resume_PlanChanged_RefusedNamingTheTask()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("c.yaml", "tasks:\n  a: { type: noop }\n  b: { type: fail, depends_on: a }\n");
        await Run().RunAsync("plan", "run", file, "--journal", dir.Journal);
        var runId = await LatestRunIdAsync(dir);
        await File.WriteAllTextAsync(file, "tasks:\n  a: { type: noop }\n  b: { type: noop, depends_on: a }\n", TestContext.Current.CancellationToken);

        var resume = Run();
        var exit = await resume.RunAsync("plan", "resume", runId, "--journal", dir.Journal);

        Assert.Equal(1, exit);
        Assert.Contains("the plan changed since the run started (changed: b)", resume.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_UnknownRun_SaysHowToListRuns()
    {
        using var dir = new PlanDirectory();
        var resume = Run();

        var exit = await resume.RunAsync("plan", "resume", "nope", "--journal", dir.Journal);

        Assert.Equal(1, exit);
        Assert.Contains("has no run 'nope'. `cox plan history` lists the runs", resume.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ListsRunsNewestFirst_WithFile()
    {
        using var dir = new PlanDirectory();
        var ok = dir.Write("ok.yaml", "name: good\ntasks:\n  a: { type: noop }\n");
        var bad = dir.Write("bad.yaml", "name: broken\ntasks:\n  a: { type: fail }\n");
        await Run().RunAsync("plan", "run", ok, "--journal", dir.Journal);
        await Run().RunAsync("plan", "run", bad, "--journal", dir.Journal);

        var text = Run();
        var json = Run();
        Assert.Equal(0, await text.RunAsync("plan", "history", "--journal", dir.Journal));
        Assert.Equal(0, await json.RunAsync("plan", "history", "--journal", dir.Journal, "--json"));

        using var doc = JsonDocument.Parse(json.Out.ToString());
        var runs = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.Contains(runs, r => r.GetProperty("plan").GetString() == "broken" && r.GetProperty("status").GetString() == "failed" && r.GetProperty("file").GetString() == bad);
        Assert.Contains(runs, r => r.GetProperty("plan").GetString() == "good" && r.GetProperty("status").GetString() == "succeeded");
        Assert.Contains("RUN", text.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains(ok, text.Out.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<string> LatestRunIdAsync(PlanDirectory dir)
    {
        var history = Run();
        Assert.Equal(0, await history.RunAsync("plan", "history", "--journal", dir.Journal, "--json", "--limit", "1"));
        using var doc = JsonDocument.Parse(history.Out.ToString());
        return doc.RootElement[0].GetProperty("runId").GetString()!;
    }
}

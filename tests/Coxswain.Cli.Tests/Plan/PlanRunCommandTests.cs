using System.Text.Json;
using Coxswain.Cli.Tests.Cli;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Plan;

/// <summary><c>cox plan run</c> in-process: progress, report, JSON, exit codes, dry run, bad input.</summary>
public sealed class PlanRunCommandTests
{
    private const string Plan = """
        name: smoke
        tasks:
          a: { type: command, command: "echo hello" }
          b: { type: noop, changed: true, depends_on: a }
          c: { type: noop, depends_on: b, only_if_changed: true }
          d: { type: noop, depends_on: a, message: fine }
        """;

    private static CliRun Run() => new() { Engines = new TargetEngineConnector(new InMemoryEngine()) };

    [Fact]
    public async Task Run_NotATerminal_PlainProgressLinesThenReportTable()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("smoke.yaml", Plan);
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal);

        var output = run.Out.ToString();
        Assert.True(exit == 0, output + run.Error);
        Assert.Contains("plan smoke: 4 tasks in 3 waves\n  wave 1: a\n  wave 2: b, d\n  wave 3: c\n", output, StringComparison.Ordinal);
        Assert.Contains("→ a: started (wave 1)", output, StringComparison.Ordinal);
        Assert.Contains("  a | hello", output, StringComparison.Ordinal);
        Assert.Matches(@"✓ a: changed — exit code 0 \(\d+ ms\)", output);
        Assert.Matches(@"\nc +unchanged +\d+ ms +\n", output);
        Assert.Contains("4 tasks: 2 changed, 2 unchanged — ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Terminal_LiveViewAndReport()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("smoke.yaml", Plan);
        var run = new CliRun { Engines = new TargetEngineConnector(new InMemoryEngine()), Terminal = true, Variables = { ["NO_COLOR"] = "1" } };

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal);

        Assert.True(exit == 0, run.Out.ToString() + run.Error);
        Assert.Contains("plan smoke: 4 tasks in 3 waves", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("4 tasks: 2 changed, 2 unchanged", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Json_OneDocumentWithEveryTask()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("smoke.yaml", Plan);
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(run.Out.ToString());
        var root = json.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("counts").GetProperty("changed").GetInt32());
        Assert.Equal(["a", "b", "c", "d"], root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("fine", root.GetProperty("tasks")[3].GetProperty("message").GetString());
        Assert.StartsWith("run ", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TaskFails_ExitCode1AndSaysHowToResume()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("f.yaml", "tasks:\n  ok: { type: noop }\n  bad: { type: fail, message: disk full, depends_on: ok }\n  after: { type: noop, depends_on: bad }\n");
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal);

        var output = run.Out.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("✗ bad: failed — disk full", output, StringComparison.Ordinal);
        Assert.Matches(@"run \S+ failed; fix the cause, then cox plan resume \S+ runs what did not succeed", output);
    }

    [Fact]
    public async Task Run_DryRun_PrintsWavesAndPredictions()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("smoke.yaml", Plan);
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Equal(
            """
            Dry run of plan 'smoke': 4 tasks in 3 waves
            wave 1
              ~ a  command  would change: would run `echo hello`
            wave 2
              ~ b  noop     would change: a noop set to report changed
              = d  noop     no change
            wave 3
              = c  noop     no change [only if changed]
            4 tasks: 2 would change, 2 no change

            """.ReplaceLineEndings("\n"),
            run.Out.ToString());
        Assert.False(File.Exists(dir.Journal));
    }

    [Fact]
    public async Task Run_InvalidPlan_ExitCode1WithLineAndTask()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("bad.yaml", "tasks:\n  a: { type: comand, command: x }\n");
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal);

        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml:2:", run.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Did you mean 'command'?", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_VarWithoutEquals_UsageError()
    {
        var run = Run();

        var exit = await run.RunAsync("plan", "run", "x.yaml", "--var", "port");

        Assert.Equal(2, exit);
        Assert.Contains("--var 'port' is not name=value", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Var_OverridesFileVariable()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("v.yaml", "variables: { word: file }\ntasks:\n  say: { type: noop, message: 'word=${word}' }\n");
        var run = Run();

        var exit = await run.RunAsync("plan", "run", file, "--journal", dir.Journal, "--var", "word=flag");

        Assert.Equal(0, exit);
        Assert.Contains("say: unchanged — word=flag", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoJournalOption_UsesXdgDataHome()
    {
        using var dir = new PlanDirectory();
        var file = dir.Write("smoke.yaml", Plan);
        var run = new CliRun { Engines = new TargetEngineConnector(new InMemoryEngine()), Variables = { ["XDG_DATA_HOME"] = dir.File("data") } };

        var exit = await run.RunAsync("plan", "run", file);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(dir.File("data/coxswain/plans.db")));
    }

    [Fact]
    public async Task Run_Interrupted_RunningTaskReportedCancelled_Exit130()
    {
        using var dir = new PlanDirectory();
        var marker = dir.File("started");
        var file = dir.Write("slow.yaml", $"tasks:\n  slow: {{ type: command, command: 'touch {marker}; sleep 30' }}\n  after: {{ type: noop, depends_on: slow }}\n");
        var output = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = new StringWriter(),
            GetVariable = _ => null,
            Engines = new TargetEngineConnector(new InMemoryEngine()),
        };
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = CoxApp.RunAsync(["plan", "run", file, "--journal", dir.Journal], context, handleTermination: false, interrupt.Token);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(20));
        while (!File.Exists(marker))
        {
            await Task.Delay(20, bound.Token);
            Assert.False(running.IsCompleted, output.ToString());
        }

        await interrupt.CancelAsync();
        var exit = await running.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(130, exit);
        Assert.Matches(@"\nslow +cancelled", output.ToString());
        Assert.Matches(@"\nafter +cancelled +- +not started: the run was cancelled", output.ToString());
        Assert.Contains("2 tasks: 2 cancelled", output.ToString(), StringComparison.Ordinal);
    }
}

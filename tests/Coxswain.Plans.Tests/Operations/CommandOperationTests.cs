using Coxswain.Plans.Operations;
using Coxswain.Plans.Tests.Journal;
using Coxswain.Plans.Yaml;

namespace Coxswain.Plans.Tests.Operations;

public sealed class CommandOperationTests
{
    [Fact]
    public async Task Command_Succeeds_ReportsChangedAndLogsOutput()
    {
        var events = new PlanEventStream();
        var plan = YamlPlanLoader.Load(
            "tasks:\n  hello: { type: command, command: 'echo hello; echo there' }\n",
            "c.yaml",
            new YamlPlanLoadOptions { PlanOptions = new PlanOptions { Progress = events } }).Plan;

        var report = await plan.RunAsync(Drive.Token).Bounded();
        var logs = new List<string>();
        await foreach (var e in events.ReadAllAsync(Drive.Token))
        {
            if (e.Kind == PlanEventKind.TaskLog)
            {
                logs.Add(e.Message!);
            }
        }

        Assert.Equal(PlanTaskStatus.Changed, report["hello"].Status);
        Assert.Equal("exit code 0", report["hello"].Message);
        Assert.Equal(["hello", "there"], logs);
    }

    [Fact]
    public async Task Command_CreatesExists_DoesNotRun_Unchanged()
    {
        using var temp = new TempJournal();
        var marker = Path.Combine(temp.Directory, "done");
        var yaml = $"""
            tasks:
              once:
                type: command
                command: echo ran >> {marker}.log; touch {marker}
                creates: {marker}
            """;

        var first = await YamlPlanLoader.Load(yaml).Plan.RunAsync(Drive.Token).Bounded();
        var second = await YamlPlanLoader.Load(yaml).Plan.RunAsync(Drive.Token).Bounded();
        var dry = await YamlPlanLoader.Load(yaml).Plan.DryRunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, first["once"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["once"].Status);
        Assert.Equal($"'{marker}' exists", second["once"].Message);
        Assert.Equal(["ran"], await File.ReadAllLinesAsync(marker + ".log", Drive.Token));
        Assert.Equal(DryRunOutcome.NoChange, Assert.Single(dry.Tasks).Outcome);
    }

    [Theory]
    [InlineData("changed_when: false", "exit 0", PlanTaskStatus.Unchanged)]
    [InlineData("changed_when: { exit_code: 2 }", "exit 2", PlanTaskStatus.Changed)]
    [InlineData("changed_when: { exit_code: 2 }", "exit 0", PlanTaskStatus.Unchanged)]
    [InlineData("changed_when: { stdout_contains: updated }", "echo 3 packages updated", PlanTaskStatus.Changed)]
    [InlineData("changed_when: { stdout_contains: updated }", "echo nothing to do", PlanTaskStatus.Unchanged)]
    [InlineData("success_codes: [0, 1]", "exit 1", PlanTaskStatus.Changed)]
    public async Task Command_ChangedWhen_DecidesTheStatus(string rule, string command, PlanTaskStatus expected)
    {
        var yaml = $"tasks:\n  t:\n    type: command\n    command: {command}\n    {rule}\n";

        var report = await YamlPlanLoader.Load(yaml).Plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(expected, report["t"].Status);
    }

    [Fact]
    public async Task Command_NonZeroExit_FailsWithCodeAndOutputTail()
    {
        var plan = new Plan();
        plan.Task("migrate", new CommandOperation(new CommandSpec { Shell = "echo applying; echo 'table exists' >&2; exit 3" }));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Failed, report["migrate"].Status);
        var error = Assert.IsType<CommandFailedException>(report["migrate"].Exception);
        Assert.Equal(3, error.ExitCode);
        Assert.StartsWith("Task 'migrate': command `echo applying; echo 'table exists' >&2; exit 3` exited with code 3. Last output:", report["migrate"].Error, StringComparison.Ordinal);
        Assert.Contains("applying", error.OutputTail, StringComparison.Ordinal);
        Assert.Contains("table exists", error.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Argv_RunsWithoutAShell()
    {
        var plan = new Plan();
        plan.Task("echo", new CommandOperation(new CommandSpec { Arguments = ["/bin/echo", "$HOME is not expanded"], ChangedWhen = ChangedWhen.OnOutput("$HOME") }));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, report["echo"].Status);
    }

    [Fact]
    public async Task Command_Timeout_KillsTheProcess()
    {
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.Task("hang", new CommandOperation(new CommandSpec { Shell = "sleep 600" })).WithTimeout(TimeSpan.FromSeconds(30));

        var run = plan.RunAsync(Drive.Token);
        await clock.WaitForArmedTimersAsync(1).Bounded();
        clock.Advance(TimeSpan.FromSeconds(30));
        var report = await run.Bounded();

        Assert.Equal(PlanTaskStatus.Failed, report["hang"].Status);
        Assert.Equal("Task 'hang' timed out after 30 s (attempt 1 of 1).", report["hang"].Error);
    }

    [Fact]
    public void CommandOperation_NeedsExactlyOneForm()
    {
        Assert.Throws<ArgumentException>(() => new CommandOperation(new CommandSpec()));
        Assert.Throws<ArgumentException>(() => new CommandOperation(new CommandSpec { Shell = "true", Arguments = ["true"] }));
    }
}

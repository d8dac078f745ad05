using Coxswain.Plans.Operations;

namespace Coxswain.Plans.Tests.Reporting;

public sealed class DryRunTests
{
    [Fact]
    public async Task DryRunAsync_RendersWavesAndPredictions_AsStableText()
    {
        var ran = new List<string>();
        var plan = new Plan(new PlanOptions { Name = "deploy" });
        plan.Task("network", new StateOperation(CheckResult.NoChange("network 'app' exists")));
        plan.Task("image", new StateOperation(CheckResult.WouldChange("image 'web:2' is missing")));
        plan.Task("volume", new StateOperation(CheckResult.NoChange()));
        plan.Task("db", new StateOperation(CheckResult.NoChange("container is up to date"))).DependsOn("network", "volume");
        plan.Task("web", new StateOperation(CheckResult.WouldChange("config hash differs"))).DependsOn("image", "db");
        plan.Task("reload-db", new StateOperation(CheckResult.WouldChange("would restart"))).DependsOn("db").OnlyIfChanged();
        plan.Task("reload-web", new StateOperation(CheckResult.WouldChange("would restart"))).DependsOn("web").OnlyIfChanged();
        plan.TaskFunc("smoke", Ops.Record(ran)).DependsOn("web").When(r => r.Changed("web"), "changed(web)");

        var dryRun = await plan.DryRunAsync(Drive.Token).Bounded();

        Assert.Empty(ran);
        Assert.Equal(
            """
            Dry run of plan 'deploy': 8 tasks in 4 waves
            wave 1
              = network     state  no change: network 'app' exists
              ~ image       state  would change: image 'web:2' is missing
              = volume      state  no change
            wave 2
              = db          state  no change: container is up to date
            wave 3
              ~ web         state  would change: config hash differs
              - reload-db   state  would skip: no dependency would change [only if changed]
            wave 4
              ~ reload-web  state  would change: would restart [only if changed]
              ? smoke       func   unknown: custom function [when: changed(web)]
            8 tasks: 3 would change, 3 no change, 1 unknown, 1 would skip

            """,
            dryRun.Render());
    }

    [Fact]
    public async Task DryRunAsync_Reverse_WavesInTeardownOrder()
    {
        var plan = new Plan(new PlanOptions { Name = "down", Direction = PlanDirection.Reverse });
        plan.Task("db", new NoopOperation(changed: true));
        plan.Task("api", new NoopOperation(changed: true)).DependsOn("db");

        var dryRun = await plan.DryRunAsync(Drive.Token).Bounded();

        Assert.Equal(
            """
            Dry run of plan 'down': 2 tasks in 2 waves (reverse order)
            wave 1
              ~ api  noop  would change: a noop set to report changed
            wave 2
              ~ db   noop  would change: a noop set to report changed
            2 tasks: 2 would change

            """,
            dryRun.Render());
    }

    [Fact]
    public async Task DryRunAsync_CheckThrows_ReportsUnknownWithTheReason()
    {
        var plan = new Plan();
        plan.Task("x", new StateOperation(null));

        var dryRun = await plan.DryRunAsync(Drive.Token).Bounded();

        var task = Assert.Single(dryRun.Tasks);
        Assert.Equal(DryRunOutcome.Unknown, task.Outcome);
        Assert.Equal("the check failed: engine unreachable", task.Reason);
    }

    /// <summary>An operation whose check returns a fixed answer (or throws when null); it must never execute.</summary>
    private sealed class StateOperation(CheckResult? check) : IOperation
    {
        public string Kind => "state";

        public ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a dry run must not execute operations");

        public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
        {
            Assert.True(context.IsDryRun);
            return check is null ? throw new IOException("engine unreachable") : ValueTask.FromResult(check);
        }
    }
}

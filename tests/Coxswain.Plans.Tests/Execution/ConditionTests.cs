namespace Coxswain.Plans.Tests.Execution;

public sealed class ConditionTests
{
    [Fact]
    public async Task OnlyIfChanged_RunsWhenADependencyChanged_SkipsOtherwise()
    {
        var ran = new List<string>();
        var plan = new Plan();
        plan.TaskFunc("changed", Ops.Changed);
        plan.TaskFunc("same", Ops.Unchanged);
        plan.TaskFunc("restart", Ops.Record(ran)).DependsOn("changed", "same").OnlyIfChanged();
        plan.TaskFunc("reload", Ops.Record(ran)).DependsOn("same").OnlyIfChanged();
        plan.TaskFunc("orphan", Ops.Record(ran)).OnlyIfChanged();

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["restart"], ran);
        Assert.Equal(PlanTaskStatus.Skipped, report["reload"].Status);
        Assert.Equal(SkipCause.Condition, report["reload"].SkipCause);
        Assert.Equal("only if changed: no dependency changed (same)", report["reload"].SkipReason);
        Assert.Equal("only if changed: the task has no dependencies", report["orphan"].SkipReason);
        Assert.Equal(RunStatus.Succeeded, report.Status);
    }

    [Fact]
    public async Task OnlyIfChanged_SkippedDependency_DoesNotCountAsChanged_ButDependentsOfSkipStillRun()
    {
        var plan = new Plan();
        plan.TaskFunc("a", Ops.Unchanged);
        plan.TaskFunc("b", Ops.Changed).DependsOn("a").OnlyIfChanged();
        plan.TaskFunc("c", Ops.Changed).DependsOn("b");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Skipped, report["b"].Status);
        Assert.Equal(PlanTaskStatus.Changed, report["c"].Status);
    }

    [Fact]
    public async Task When_GuardReadsEarlierResults()
    {
        var plan = new Plan();
        plan.TaskFunc("migrate", (_, _) => ValueTask.FromResult(TaskResult.ChangedWith("3 migrations")));
        plan.TaskFunc("notify", Ops.Changed).DependsOn("migrate").When(r => r.Changed("migrate"), "changed(migrate)");
        plan.TaskFunc("rollback", Ops.Changed).DependsOn("migrate").When(r => r.Failed("migrate"), "failed(migrate)");
        plan.TaskFunc("unlabelled", Ops.Changed).DependsOn("migrate").When(_ => false);

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, report["notify"].Status);
        Assert.Equal(PlanTaskStatus.Skipped, report["rollback"].Status);
        Assert.Equal("when: 'failed(migrate)' is false", report["rollback"].SkipReason);
        Assert.Equal("when: the guard returned false", report["unlabelled"].SkipReason);
    }

    [Fact]
    public async Task When_GuardThrows_FailsThatTaskWithClearError()
    {
        var plan = new Plan(new PlanOptions { ErrorStrategy = ErrorStrategy.Continue });
        plan.TaskFunc("a", Ops.Changed);
        plan.TaskFunc("b", Ops.Changed).DependsOn("a").When(r => r["nonexistent"].Changed);
        plan.TaskFunc("c", Ops.Changed).DependsOn("a");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Failed, report["b"].Status);
        Assert.Equal("The When guard of task 'b' threw KeyNotFoundException: There is no task named 'nonexistent' in this plan.", report["b"].Error);
        Assert.Equal(PlanTaskStatus.Changed, report["c"].Status);
    }

    [Fact]
    public async Task EvenIfDependenciesFailed_RollbackRunsAfterFailure()
    {
        var plan = new Plan(new PlanOptions { ErrorStrategy = ErrorStrategy.Continue });
        plan.TaskFunc("deploy", Ops.Fail("health check failed"));
        plan.TaskFunc("rollback", Ops.Changed).DependsOn("deploy").When(r => r.Failed("deploy"), "failed(deploy)").EvenIfDependenciesFailed();
        plan.TaskFunc("announce", Ops.Changed).DependsOn("deploy");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, report["rollback"].Status);
        Assert.Equal(PlanTaskStatus.Skipped, report["announce"].Status);
    }
}

namespace Coxswain.Plans.Tests.Execution;

public sealed class CancellationTests
{
    [Fact]
    public async Task RunAsync_TokenCancelled_RunningAndPendingTasksReportCancelled()
    {
        var clock = new FakeClock();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Drive.Token);
        var plan = new Plan(new PlanOptions { TimeProvider = clock, MaxParallelism = 1 });
        plan.TaskFunc("done", Ops.Changed);
        plan.TaskFunc("pull", Ops.Wait(TimeSpan.FromHours(1))).DependsOn("done");
        plan.TaskFunc("start", Ops.Changed).DependsOn("pull");
        plan.TaskFunc("other", Ops.Changed);

        var run = plan.RunAsync(cts.Token);
        await clock.WaitForArmedTimersAsync(1).Bounded();
        await cts.CancelAsync();
        var report = await run.Bounded();

        Assert.Equal(RunStatus.Cancelled, report.Status);
        Assert.Equal(PlanTaskStatus.Changed, report["done"].Status);
        Assert.Equal(PlanTaskStatus.Cancelled, report["pull"].Status);
        Assert.Equal("cancelled: the run was cancelled", report["pull"].SkipReason);
        Assert.Equal(PlanTaskStatus.Cancelled, report["start"].Status);
        Assert.Equal("not started: the run was cancelled", report["start"].SkipReason);
        Assert.Equal(PlanTaskStatus.Cancelled, report["other"].Status);
        Assert.Equal(SkipCause.Cancelled, report["other"].SkipCause);
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelledToken_RunsNothing()
    {
        var ran = new List<string>();
        var plan = new Plan();
        plan.TaskFunc("a", Ops.Record(ran));

        var report = await plan.RunAsync(new CancellationToken(canceled: true)).Bounded();

        Assert.Empty(ran);
        Assert.Equal(RunStatus.Cancelled, report.Status);
        Assert.Equal(PlanTaskStatus.Cancelled, report["a"].Status);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringRetryDelay_ReportsCancelled()
    {
        var clock = new FakeClock();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Drive.Token);
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.TaskFunc("flaky", Ops.Fail()).OnError(ErrorStrategy.Retry(5));

        var run = plan.RunAsync(cts.Token);
        await clock.WaitForArmedTimersAsync(1).Bounded();
        await cts.CancelAsync();
        var report = await run.Bounded();

        Assert.Equal(PlanTaskStatus.Cancelled, report["flaky"].Status);
        Assert.Equal(1, report["flaky"].Attempts);
    }
}

namespace Coxswain.Plans.Tests.Execution;

public sealed class ErrorStrategyTests
{
    [Fact]
    public async Task StopAll_OnFailure_CancelsRunningAndStartsNothingNew()
    {
        var clock = new FakeClock();
        var started = new List<string>();
        var plan = new Plan(new PlanOptions { TimeProvider = clock, MaxParallelism = 4 });
        plan.TaskFunc("slow", async (ctx, ct) =>
        {
            lock (started)
            {
                started.Add(ctx.TaskName);
            }

            await Task.Delay(TimeSpan.FromHours(1), ctx.TimeProvider, ct);
            return TaskResult.Changed;
        });
        plan.TaskFunc("boom", Ops.Fail("disk full"));
        plan.TaskFunc("after-boom", Ops.Record(started)).DependsOn("boom");
        plan.TaskFunc("independent", Ops.Record(started));
        plan.TaskFunc("after-slow", Ops.Record(started)).DependsOn("slow");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["slow"], started);
        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Equal(PlanTaskStatus.Failed, report["boom"].Status);
        Assert.Equal("disk full", report["boom"].Error);
        Assert.Equal(PlanTaskStatus.Cancelled, report["slow"].Status);
        Assert.Equal("cancelled: task 'boom' failed and the plan stops on errors (stop_all)", report["slow"].SkipReason);
        foreach (var name in new[] { "after-boom", "independent", "after-slow" })
        {
            Assert.Equal(PlanTaskStatus.Skipped, report[name].Status);
            Assert.Equal(SkipCause.Stopped, report[name].SkipCause);
            Assert.Equal("not started: task 'boom' failed and the plan stops on errors (stop_all)", report[name].SkipReason);
        }
    }

    [Fact]
    public async Task Continue_OnFailure_SkipsOnlyTransitiveDependents()
    {
        var plan = new Plan(new PlanOptions { ErrorStrategy = ErrorStrategy.Continue });
        plan.TaskFunc("a", Ops.Fail());
        plan.TaskFunc("b", Ops.Changed).DependsOn("a");
        plan.TaskFunc("c", Ops.Changed).DependsOn("b");
        plan.TaskFunc("d", Ops.Async());
        plan.TaskFunc("e", Ops.Changed).DependsOn("d");
        plan.TaskFunc("f", Ops.Changed).DependsOn("c", "e");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Equal(PlanTaskStatus.Failed, report["a"].Status);
        Assert.Equal("dependency 'a' failed", report["b"].SkipReason);
        Assert.Equal("dependency 'b' was skipped because 'a' failed", report["c"].SkipReason);
        Assert.Equal("dependency 'c' was skipped because 'a' failed", report["f"].SkipReason);
        Assert.All(new[] { "b", "c", "f" }, n => Assert.Equal(SkipCause.DependencyFailed, report[n].SkipCause));
        Assert.Equal(PlanTaskStatus.Changed, report["d"].Status);
        Assert.Equal(PlanTaskStatus.Changed, report["e"].Status);
    }

    [Fact]
    public async Task TaskStrategy_OverridesPlanStrategy()
    {
        var plan = new Plan(new PlanOptions { ErrorStrategy = ErrorStrategy.StopAll, MaxParallelism = 1 });
        plan.TaskFunc("optional", Ops.Fail()).OnError(ErrorStrategy.Continue);
        plan.TaskFunc("next", Ops.Changed);

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Changed, report["next"].Status);
    }

    [Fact]
    public async Task Retry_WithExponentialBackoff_WaitsExactDelaysOnTheClock()
    {
        var clock = new FakeClock();
        var attempts = new List<int>();
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.TaskFunc("flaky", (ctx, _) =>
        {
            attempts.Add(ctx.Attempt);
            return ctx.Attempt < 4 ? throw new IOException($"try {ctx.Attempt}") : ValueTask.FromResult(TaskResult.Changed);
        }).OnError(ErrorStrategy.Retry(3, RetryBackoff.Exponential(TimeSpan.FromSeconds(1))));

        var report = await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.ArmedDelays);
        Assert.Equal([1, 2, 3, 4], attempts);
        Assert.Equal(PlanTaskStatus.Changed, report["flaky"].Status);
        Assert.Equal(4, report["flaky"].Attempts);
        Assert.Equal(TimeSpan.FromSeconds(7), report["flaky"].Duration);
    }

    [Fact]
    public async Task Retry_Exhausted_FailsWithLastErrorAndAttemptCount()
    {
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.TaskFunc("down", async (ctx, _) =>
        {
            await Task.Yield();
            throw new IOException($"refused (attempt {ctx.Attempt})");
        }).OnError(ErrorStrategy.Retry(2, RetryBackoff.Linear(TimeSpan.FromSeconds(3))));

        var report = await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)], clock.ArmedDelays);
        Assert.Equal(PlanTaskStatus.Failed, report["down"].Status);
        Assert.Equal(3, report["down"].Attempts);
        Assert.Equal("refused (attempt 3) (failed 3 attempts)", report["down"].Error);
        Assert.IsType<IOException>(report["down"].Exception);
    }

    [Fact]
    public async Task Retry_ReportsRetryingProgress()
    {
        var clock = new FakeClock();
        var events = new List<PlanEvent>();
        var plan = new Plan(new PlanOptions { TimeProvider = clock, Progress = new SyncProgress(events) });
        plan.TaskFunc("flaky", (ctx, _) => ctx.Attempt == 1 ? throw new IOException("nope") : ValueTask.FromResult(TaskResult.Changed))
            .OnError(ErrorStrategy.Retry(1, RetryBackoff.Constant(TimeSpan.FromSeconds(5))));

        await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal(
            [PlanEventKind.RunStarted, PlanEventKind.TaskStarted, PlanEventKind.TaskRetrying, PlanEventKind.TaskFinished, PlanEventKind.RunFinished],
            events.Select(e => e.Kind));
        var retrying = events[2];
        Assert.Equal("flaky: attempt 1 failed (nope); retrying in 5 s", retrying.ToString());
    }

    [Fact]
    public async Task Timeout_AttemptTooLong_FailsWithTimeoutNamingTheTask()
    {
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.TaskFunc("hang", Ops.Wait(TimeSpan.FromMinutes(10))).WithTimeout(TimeSpan.FromSeconds(5));

        var report = await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal(PlanTaskStatus.Failed, report["hang"].Status);
        Assert.Equal("Task 'hang' timed out after 5 s (attempt 1 of 1).", report["hang"].Error);
        Assert.IsType<TimeoutException>(report["hang"].Exception);
        Assert.Equal(TimeSpan.FromSeconds(5), report["hang"].Duration);
    }

    [Fact]
    public async Task Timeout_WithRetry_EachAttemptGetsItsOwnTimeout()
    {
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { TimeProvider = clock, DefaultTimeout = TimeSpan.FromSeconds(10) });
        plan.TaskFunc("slow-then-fast", async (ctx, ct) =>
        {
            await Task.Delay(ctx.Attempt == 1 ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(2), ctx.TimeProvider, ct);
            return TaskResult.Changed;
        }).OnError(ErrorStrategy.Retry(1, RetryBackoff.Constant(TimeSpan.FromSeconds(1))));

        var report = await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal(PlanTaskStatus.Changed, report["slow-then-fast"].Status);
        Assert.Equal(2, report["slow-then-fast"].Attempts);
        Assert.Equal(TimeSpan.FromSeconds(13), report["slow-then-fast"].Duration);
    }

    private sealed class SyncProgress(List<PlanEvent> events) : IProgress<PlanEvent>
    {
        public void Report(PlanEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}

namespace Coxswain.Plans.Tests.Reporting;

public sealed class ReportTests
{
    [Fact]
    public async Task Summary_CountsStatusesAndDurationOnTheClock()
    {
        var clock = new FakeClock();
        var plan = new Plan(new PlanOptions { TimeProvider = clock });
        plan.TaskFunc("build", Ops.Wait(TimeSpan.FromSeconds(12.3)));
        plan.TaskFunc("push", Ops.Changed).DependsOn("build");
        plan.TaskFunc("lint", Ops.Unchanged);
        plan.TaskFunc("notify", Ops.Changed).DependsOn("lint").OnlyIfChanged();

        var report = await Drive.WithClockAsync(plan.RunAsync(Drive.Token), clock);

        Assert.Equal("4 tasks: 2 changed, 1 unchanged, 1 skipped — 12.3 s", report.Summary());
        Assert.Equal(TimeSpan.FromSeconds(12.3), report["build"].Duration);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(12.3), report.StartedAt);
    }

    [Fact]
    public async Task Summary_WithFailures_ListsThemAfterTheSuccesses()
    {
        var plan = new Plan(new PlanOptions { TimeProvider = new FakeClock() });
        plan.TaskFunc("a", Ops.Fail());
        plan.TaskFunc("b", Ops.Changed);

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal("2 tasks: 1 skipped, 1 failed — 0.0 s", report.Summary());
        Assert.Equal("a: failed: boom", report["a"].ToString());
    }

    [Fact]
    public async Task Summary_EmptyPlanAndOneTask_ReadNaturally()
    {
        var empty = await new Plan(new PlanOptions { TimeProvider = new FakeClock() }).RunAsync(Drive.Token).Bounded();
        var single = new Plan(new PlanOptions { TimeProvider = new FakeClock() });
        single.TaskFunc("only", Ops.Changed);

        Assert.Equal("0 tasks — 0.0 s", empty.Summary());
        Assert.Equal("1 task: 1 changed — 0.0 s", (await single.RunAsync(Drive.Token).Bounded()).Summary());
    }

    [Fact]
    public async Task Progress_EventStream_DeliversEventsUntilRunFinished()
    {
        var stream = new PlanEventStream();
        var plan = new Plan(new PlanOptions { Progress = stream });
        plan.TaskFunc("a", (ctx, _) =>
        {
            ctx.Log("hello");
            return ValueTask.FromResult(TaskResult.Changed);
        });
        plan.TaskFunc("b", Ops.Changed).DependsOn("a").When(_ => false, "never");

        var reading = Task.Run(async () =>
        {
            var lines = new List<string>();
            await foreach (var e in stream.ReadAllAsync(Drive.Token))
            {
                lines.Add(e.ToString());
            }

            return lines;
        });
        await plan.RunAsync(Drive.Token).Bounded();
        var lines = await reading.Bounded();

        Assert.Equal(
            ["run started", "a: started", "a: hello", "a: changed", "b: skipped: when: 'never' is false", "run finished: succeeded"],
            lines);
    }

    [Fact]
    public void BackoffCalculator_IsPureAndCapped()
    {
        var s = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(1), BackoffCalculator.GetDelay(BackoffKind.Constant, s, 5));
        Assert.Equal(TimeSpan.FromSeconds(3), BackoffCalculator.GetDelay(BackoffKind.Linear, s, 3));
        Assert.Equal(TimeSpan.FromSeconds(8), BackoffCalculator.GetDelay(BackoffKind.Exponential, s, 4));
        Assert.Equal(TimeSpan.FromSeconds(30), BackoffCalculator.GetDelay(BackoffKind.Exponential, s, 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.MaxValue, BackoffCalculator.GetDelay(BackoffKind.Exponential, s, 5000));
        Assert.Equal(TimeSpan.Zero, BackoffCalculator.GetDelay(BackoffKind.Linear, TimeSpan.Zero, 3));
    }
}

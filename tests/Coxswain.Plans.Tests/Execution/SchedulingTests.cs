namespace Coxswain.Plans.Tests.Execution;

public sealed class SchedulingTests
{
    [Fact]
    public async Task RunAsync_ChildOfHundredParents_RunsExactlyOnce()
    {
        var plan = new Plan(new PlanOptions { MaxParallelism = 7 });
        var parents = Enumerable.Range(0, 100).Select(i => plan.TaskFunc($"p{i}", Ops.Async())).ToArray();
        var runs = 0;
        plan.TaskFunc("child", (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return ValueTask.FromResult(TaskResult.Changed);
        }).DependsOn(parents);

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(1, runs);
        Assert.Equal(RunStatus.Succeeded, report.Status);
        Assert.Equal(101, report.Count(PlanTaskStatus.Changed));
    }

    [Fact]
    public async Task RunAsync_Diamond_RunsJoinOnceAfterBothBranches()
    {
        var log = new List<string>();
        var plan = new Plan();
        var a = plan.TaskFunc("a", Ops.Record(log, async: true));
        var b = plan.TaskFunc("b", Ops.Record(log, async: true)).DependsOn(a);
        var c = plan.TaskFunc("c", Ops.Record(log, async: true)).DependsOn(a);
        plan.TaskFunc("d", Ops.Record(log, async: true)).DependsOn(b, c);

        await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(4, log.Count);
        Assert.Equal("a", log[0]);
        Assert.Equal("d", log[3]);
        Assert.Single(log, "d");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_MaxParallelismOne_RunsReadyTasksInInsertionOrder(bool async)
    {
        var log = new List<string>();
        var plan = new Plan(new PlanOptions { MaxParallelism = 1 });
        plan.TaskFunc("c", Ops.Record(log, async));
        plan.TaskFunc("a", Ops.Record(log, async));
        plan.TaskFunc("b", Ops.Record(log, async)).DependsOn("a");
        plan.TaskFunc("d", Ops.Record(log, async)).DependsOn("c");
        plan.TaskFunc("e", Ops.Record(log, async));

        await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["c", "a", "b", "d", "e"], log);
    }

    [Fact]
    public async Task RunAsync_MaxParallelism_NeverExceeded()
    {
        var current = 0;
        var peak = 0;
        var plan = new Plan(new PlanOptions { MaxParallelism = 3 });
        for (var i = 0; i < 40; i++)
        {
            plan.TaskFunc($"t{i}", async (_, _) =>
            {
                var now = Interlocked.Increment(ref current);
                InterlockedMax(ref peak, now);
                await Task.Yield();
                await Task.Yield();
                Interlocked.Decrement(ref current);
                return TaskResult.Unchanged;
            });
        }

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.True(peak <= 3, $"peak parallelism was {peak}");
        Assert.Equal(40, report.Count(PlanTaskStatus.Unchanged));
    }

    [Fact]
    public async Task RunAsync_Reverse_RunsDependentsFirst()
    {
        var log = new List<string>();
        var plan = new Plan(new PlanOptions { Direction = PlanDirection.Reverse, MaxParallelism = 1 });
        var db = plan.TaskFunc("db", Ops.Record(log));
        var api = plan.TaskFunc("api", Ops.Record(log)).DependsOn(db);
        plan.TaskFunc("web", Ops.Record(log)).DependsOn(api);
        plan.TaskFunc("worker", Ops.Record(log)).DependsOn(db);

        await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["web", "api", "worker", "db"], log);
    }

    [Fact]
    public async Task RunAsync_SynchronousTasks_ReportInInsertionOrderWithAttempts()
    {
        var plan = new Plan();
        plan.TaskFunc("one", Ops.Changed);
        plan.TaskFunc("two", Ops.Unchanged).DependsOn("one");

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(["one", "two"], report.Tasks.Select(t => t.Name));
        Assert.True(report["one"].Changed);
        Assert.Equal(PlanTaskStatus.Unchanged, report["two"].Status);
        Assert.All(report.Tasks, t => Assert.Equal(1, t.Attempts));
    }

    [Fact]
    public async Task RunAsync_OperationSkipsItself_ReportsSkippedWithReason()
    {
        var plan = new Plan();
        plan.TaskFunc("s", (_, _) => ValueTask.FromResult(TaskResult.Skip("nothing to do here")));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Skipped, report["s"].Status);
        Assert.Equal("nothing to do here", report["s"].SkipReason);
        Assert.Equal(RunStatus.Succeeded, report.Status);
    }

    [Fact]
    public async Task RunAsync_TaskReadsDependencyResult_SeesIt()
    {
        var plan = new Plan();
        plan.TaskFunc("a", (_, _) => ValueTask.FromResult(TaskResult.ChangedWith("v2")));
        string? seen = null;
        plan.TaskFunc("b", (ctx, _) =>
        {
            seen = ctx.Results["a"].Message;
            return ValueTask.FromResult(TaskResult.Unchanged);
        }).DependsOn("a");

        await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal("v2", seen);
    }

    [Fact]
    public async Task RunAsync_WhileRunning_PlanCannotBeChanged()
    {
        var gate = new TaskCompletionSource<TaskResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var plan = new Plan();
        var a = plan.TaskFunc("a", (_, _) => new ValueTask<TaskResult>(gate.Task));

        var run = plan.RunAsync(Drive.Token);
        var error = Assert.Throws<InvalidOperationException>(() => a.OnlyIfChanged());
        gate.SetResult(TaskResult.Changed);
        await run.Bounded();

        Assert.Contains("is running", error.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

namespace Coxswain.Plans.Tests;

/// <summary>Small task bodies for tests.</summary>
internal static class Ops
{
    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Changed => static (_, _) => ValueTask.FromResult(TaskResult.Changed);

    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Unchanged => static (_, _) => ValueTask.FromResult(TaskResult.Unchanged);

    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Fail(string message = "boom") =>
        (_, _) => throw new InvalidOperationException(message);

    /// <summary>Awaits a yield (so it completes asynchronously), then reports changed.</summary>
    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Async(Action? body = null) => async (_, _) =>
    {
        await Task.Yield();
        body?.Invoke();
        return TaskResult.Changed;
    };

    /// <summary>Waits on the plan's clock, then reports changed.</summary>
    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Wait(TimeSpan delay) => async (ctx, ct) =>
    {
        await Task.Delay(delay, ctx.TimeProvider, ct);
        return TaskResult.Changed;
    };

    /// <summary>Records the task's name into <paramref name="log"/> (thread-safe), then reports changed.</summary>
    public static Func<TaskContext, CancellationToken, ValueTask<TaskResult>> Record(List<string> log, bool async = false) => async (ctx, _) =>
    {
        if (async)
        {
            await Task.Yield();
        }

        lock (log)
        {
            log.Add(ctx.TaskName);
        }

        return TaskResult.Changed;
    };
}

namespace Coxswain.Engine.Testing.Tests;

/// <summary>Every await in these tests is bounded: a hang fails the test after a few seconds instead of blocking the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task Within(this Task task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task Within(this ValueTask task) => task.AsTask().Within();

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().Within();

    /// <summary>Bounds each step of an async stream.</summary>
    public static async IAsyncEnumerable<T> Within<T>(this IAsyncEnumerable<T> source)
    {
        await using var enumerator = source.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        while (await enumerator.MoveNextAsync().Within())
        {
            yield return enumerator.Current;
        }
    }

    /// <summary>Asserts the task has not completed, giving pending continuations a moment to run first.</summary>
    public static async Task AssertPendingAsync(Task task)
    {
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(task.IsCompleted, "the task completed, but it should still be waiting");
    }
}

using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Every await in the contract suite is bounded: these helpers put a deadline on tasks and streams.</summary>
internal static class Bounded
{
    /// <summary>The deadline for one engine call (create, start, inspect, ...).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static CancellationToken TestToken => TestContext.Current.CancellationToken;

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Step"/> (or <paramref name="timeout"/>).</summary>
    public static Task Within(this Task task, TimeSpan? timeout = null) =>
        task.WaitAsync(timeout ?? Step, TestToken);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="Step"/> (or <paramref name="timeout"/>).</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) =>
        task.WaitAsync(timeout ?? Step, TestToken);

    /// <summary>
    /// Reads a stream until it ends or <paramref name="until"/> matches an item (that item included), failing with
    /// what was read so far when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<List<T>> CollectAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> open,
        TimeSpan timeout,
        Func<T, bool>? until = null,
        string what = "stream")
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestToken);
        deadline.CancelAfter(timeout);
        var items = new List<T>();
        try
        {
            await foreach (var item in open(deadline.Token).WithCancellation(deadline.Token))
            {
                items.Add(item);
                if (until is not null && until(item))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !TestToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{what} did not {(until is null ? "end" : "show the awaited item")} within {timeout.TotalSeconds:0.#} s; read so far:\n  "
                + string.Join("\n  ", items));
        }

        return items;
    }
}

namespace Coxswain.Plans.Tests;

/// <summary>Test helpers: bounded waits, and driving a run on a fake clock.</summary>
internal static class Drive
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Awaits <paramref name="run"/>, advancing the clock to the next timer whenever the run waits on one.</summary>
    public static async Task<T> WithClockAsync<T>(Task<T> run, FakeClock clock)
    {
        while (!run.IsCompleted)
        {
            var armed = clock.WaitForArmedTimersAsync(1);
            var first = await Task.WhenAny(run, armed).WaitAsync(Bound, Token);
            if (first != run)
            {
                clock.AdvanceToNextTimer();
            }
        }

        return await run;
    }

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Bound, Token);

    public static Task Bounded(this Task task) => task.WaitAsync(Bound, Token);
}

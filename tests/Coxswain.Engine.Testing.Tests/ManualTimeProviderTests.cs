namespace Coxswain.Engine.Testing.Tests;

public sealed class ManualTimeProviderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void GetUtcNow_NewClock_IsTheGivenStartOrTheDefault()
    {
        var start = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        Assert.Equal(start, new ManualTimeProvider(start).GetUtcNow());
        Assert.Equal(TimeSpan.Zero, new ManualTimeProvider(start).GetUtcNow().Offset);
        Assert.Equal(ManualTimeProvider.DefaultStart, new ManualTimeProvider().GetUtcNow());
    }

    [Fact]
    public void Advance_MovesClockAndTimestampsTogether()
    {
        var time = new ManualTimeProvider();
        var before = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(ManualTimeProvider.DefaultStart.AddMilliseconds(1500), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(before));
        Assert.Equal(TimeSpan.TicksPerSecond, time.TimestampFrequency);
    }

    [Fact]
    public void Advance_NegativeDelta_Throws()
    {
        var time = new ManualTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void SetUtcNow_Backwards_ThrowsAndForwardsFiresTimers()
    {
        var time = new ManualTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(time.GetUtcNow().AddTicks(-1)));
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        time.SetUtcNow(time.GetUtcNow().AddMinutes(2));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void CreateTimer_SeveralDue_FireInDueOrderEachSeeingItsDueTime()
    {
        var time = new ManualTimeProvider();
        var seen = new List<(string Name, DateTimeOffset At)>();
        using var c = time.CreateTimer(_ => seen.Add(("c", time.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => seen.Add(("a", time.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var b = time.CreateTimer(_ => seen.Add(("b", time.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(10));

        var start = ManualTimeProvider.DefaultStart;
        Assert.Equal([("a", start.AddSeconds(1)), ("b", start.AddSeconds(2)), ("c", start.AddSeconds(3))], seen);
        Assert.Equal(start.AddSeconds(10), time.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_SameDueTime_FireInCreationOrder()
    {
        var time = new ManualTimeProvider();
        var seen = new List<int>();
        var timers = Enumerable.Range(0, 5).Select(i => time.CreateTimer(_ => seen.Add(i), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan)).ToList();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([0, 1, 2, 3, 4], seen);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void PeriodicTimer_OneBigAdvance_FiresOncePerPeriodCrossed()
    {
        var time = new ManualTimeProvider();
        var firings = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => firings.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6.5));

        var start = ManualTimeProvider.DefaultStart;
        Assert.Equal([start.AddSeconds(1), start.AddSeconds(3), start.AddSeconds(5)], firings);
        Assert.Equal(1, time.PendingTimerCount);
        Assert.Equal(TimeSpan.FromSeconds(0.5), time.TimeUntilNextTimer);
    }

    [Fact]
    public void Timer_ChangedOrDisposed_FollowsTheNewSchedule()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, fired);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);

        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public void CreateTimer_ZeroDueTime_FiresAtOnce()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(1, fired);
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public void CreateTimer_InfiniteDueTime_IsNotPending()
    {
        var time = new ManualTimeProvider();
        using var timer = time.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Equal(0, time.PendingTimerCount);
        Assert.Null(time.TimeUntilNextTimer);
        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task TaskDelay_OnManualClock_CompletesOnlyWhenAdvancedFarEnough()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time, Token);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await delay.Within();
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public async Task TaskDelay_Cancelled_RemovesItsTimer()
    {
        var time = new ManualTimeProvider();
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time, cts.Token);
        Assert.Equal(1, time.PendingTimerCount);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay.Within());
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public void CancellationTokenSource_WithManualClock_CancelsWhenDue()
    {
        var time = new ManualTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(cts.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public async Task PeriodicTimer_WithManualClock_TicksOnAdvance()
    {
        var time = new ManualTimeProvider();
        using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var tick = periodic.WaitForNextTickAsync(Token).AsTask();
        Assert.False(tick.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await tick.Within());
    }

    [Fact]
    public async Task WaitForTimersAsync_CodeSchedulesDelayLater_CompletesThenAdvanceFinishesIt()
    {
        var time = new ManualTimeProvider();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Task.Run(async () =>
        {
            await gate.Task;
            await Task.Delay(TimeSpan.FromMinutes(5), time, Token);
            return time.GetUtcNow();
        }, Token);

        var waiting = time.WaitForTimersAsync(1, Token);
        Assert.False(waiting.IsCompleted);
        gate.SetResult();
        await waiting.Within();

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ManualTimeProvider.DefaultStart.AddMinutes(5), await work.Within());
    }

    [Fact]
    public async Task WaitForTimersAsync_EnoughAlreadyPending_CompletesAtOnce()
    {
        var time = new ManualTimeProvider();
        using var timer = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(time.WaitForTimersAsync(1, Token).IsCompleted);
        await time.WaitForTimersAsync(0, Token).Within();
    }

    [Fact]
    public async Task WaitForTimersAsync_Cancelled_EndsCancelled()
    {
        var time = new ManualTimeProvider();
        using var cts = new CancellationTokenSource();
        var waiting = time.WaitForTimersAsync(3, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
    }

    [Fact]
    public void AdvanceToNextTimer_MovesExactlyToTheEarliestDueTime()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(42), Timeout.InfiniteTimeSpan);
        Assert.True(time.AdvanceToNextTimer());
        Assert.Equal(1, fired);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(42), time.GetUtcNow());
        Assert.False(time.AdvanceToNextTimer());
    }

    [Fact]
    public void Callback_SchedulingAnotherTimerWithinTheAdvance_FiresItToo()
    {
        var time = new ManualTimeProvider();
        var seen = new List<DateTimeOffset>();
        ITimer? second = null;
        using var first = time.CreateTimer(
            _ => second = time.CreateTimer(_ => seen.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([ManualTimeProvider.DefaultStart.AddSeconds(2)], seen);
        second!.Dispose();
    }

    [Fact]
    public async Task Timers_CreatedFromManyThreadsWhileAdvancing_EachFireExactlyOnce()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        var timers = new System.Collections.Concurrent.ConcurrentBag<ITimer>();
        var creators = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 1; i <= 200; i++)
            {
                timers.Add(time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMilliseconds(i), Timeout.InfiniteTimeSpan));
            }
        }, Token)).ToList();
        var advancer = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }
        }, Token);

        await Task.WhenAll([.. creators, advancer]).Within();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1600, fired);
        Assert.Equal(0, time.PendingTimerCount);
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    [Fact]
    public void GetLocalNow_UsesTheConfiguredZone()
    {
        var time = new ManualTimeProvider();
        Assert.Equal(TimeSpan.Zero, time.GetLocalNow().Offset);
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus3", TimeSpan.FromHours(3), "plus3", "plus3");
        time.SetLocalTimeZone(zone);
        Assert.Equal(TimeSpan.FromHours(3), time.GetLocalNow().Offset);
    }
}

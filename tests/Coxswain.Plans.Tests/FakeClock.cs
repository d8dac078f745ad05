namespace Coxswain.Plans.Tests;

/// <summary>
/// A manual TimeProvider: time moves only when a test advances it. Records every delay a timer
/// was armed with, and lets a test wait (bounded) until timers are armed.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimer> timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];
    private DateTimeOffset now;

    public FakeClock(DateTimeOffset? start = null) => now = start ?? new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Every due time a timer was armed with, in order.</summary>
    public List<TimeSpan> ArmedDelays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public int ArmedCount
    {
        get
        {
            lock (gate)
            {
                return timers.Count(t => t.DueAt is not null);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing due timers in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            FakeTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt is { } d && d <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    now = target;
                    return;
                }

                now = next.DueAt!.Value;
                next.DueAt = next.Period is { } p ? now + p : null;
            }

            next.Fire();
        }
    }

    /// <summary>Advances to the earliest armed timer (returns false if none).</summary>
    public bool AdvanceToNextTimer()
    {
        TimeSpan by;
        lock (gate)
        {
            var next = timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (next == DateTimeOffset.MaxValue)
            {
                return false;
            }

            by = next - now;
        }

        Advance(by < TimeSpan.Zero ? TimeSpan.Zero : by);
        return true;
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are armed.</summary>
    public Task WaitForArmedTimersAsync(int count)
    {
        lock (gate)
        {
            if (timers.Count(t => t.DueAt is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task;
        }
    }

    private void Armed(FakeTimer timer, TimeSpan due, TimeSpan period)
    {
        List<TaskCompletionSource> ready = [];
        lock (gate)
        {
            if (due == Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = null;
                return;
            }

            ArmedDelays.Add(due);
            timer.DueAt = now + due;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            var armed = timers.Count(t => t.DueAt is not null);
            foreach (var w in waiters.Where(w => w.Count <= armed).ToList())
            {
                waiters.Remove(w);
                ready.Add(w.Done);
            }
        }

        foreach (var r in ready)
        {
            r.TrySetResult();
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Armed(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

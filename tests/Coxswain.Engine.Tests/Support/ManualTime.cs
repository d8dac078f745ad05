using System.Threading.Channels;

namespace Coxswain.Engine.Tests.Support;

/// <summary>A tiny manual clock: time moves only when the test calls <see cref="Advance"/>; timers fire then.
/// <see cref="NextTimerAsync"/> tells the test when code under test started waiting, and for how long.</summary>
internal sealed class ManualTime : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<Timer> timers = [];
    private readonly Channel<TimeSpan> created = Channel.CreateUnbounded<TimeSpan>();
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private long ticks;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (gate)
        {
            return ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (bounded by the token) until code under test creates a timer, and returns its due time.</summary>
    public ValueTask<TimeSpan> NextTimerAsync(CancellationToken cancellationToken) => created.Reader.ReadAsync(cancellationToken);

    public void Advance(TimeSpan by)
    {
        List<Timer> due;
        lock (gate)
        {
            now += by;
            ticks += by.Ticks;
            due = timers.Where(t => t.DueAt <= ticks).ToList();
            foreach (var timer in due)
            {
                timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class Timer(ManualTime owner, TimerCallback callback, object? state) : ITimer
    {
        public long DueAt { get; private set; }

        private TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                Period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner.ticks + dueTime.Ticks;
                    owner.timers.Add(this);
                }
            }

            return true;
        }

        public void Fire()
        {
            callback(state);
            if (Period != Timeout.InfiniteTimeSpan && Period > TimeSpan.Zero)
            {
                Change(Period, Period);
            }
        }

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

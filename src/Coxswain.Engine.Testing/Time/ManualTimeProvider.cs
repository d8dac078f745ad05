namespace Coxswain.Engine.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so: <see cref="Advance"/> and <see cref="SetUtcNow"/>.
/// Timers created through it (also by <c>Task.Delay(d, provider, ct)</c> and <c>new CancellationTokenSource(d, provider)</c>)
/// fire on the thread that advances the clock, in due-time order, each seeing the clock at its own due time; a periodic
/// timer fires once per period crossed. <see cref="WaitForTimersAsync"/> lets a test wait until the code under test has
/// scheduled its delays before advancing. Thread-safe.
/// </summary>
/// <remarks>
/// A timer created or changed with a due time of zero fires at once, on the calling thread (as with the clock advanced by
/// zero). An exception thrown by a timer callback propagates out of <see cref="Advance"/>; the clock then stays at that
/// timer's due time and later timers stay pending. The clock never moves backwards.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The clock's start when none is given: 2030-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _scheduled = [];
    private readonly List<TimerWaiter> _waiters = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;
    private long _sequence;

    /// <summary>Creates a clock at <see cref="DefaultStart"/>.</summary>
    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates a clock at <paramref name="startTime"/> (converted to UTC).</summary>
    public ManualTimeProvider(DateTimeOffset startTime)
    {
        _start = startTime.ToUniversalTime();
        _now = _start;
    }

    /// <summary>The time the clock was created at.</summary>
    public DateTimeOffset Start => _start;

    /// <summary>How many timers are scheduled to fire (created or changed with a finite due time, not yet fired or disposed).</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>Time from now until the earliest pending timer is due; null when none is pending.</summary>
    public TimeSpan? TimeUntilNextTimer
    {
        get
        {
            lock (_gate)
            {
                var next = Earliest();
                return next is null ? null : next.Due - _now;
            }
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone
    {
        get
        {
            lock (_gate)
            {
                return _localTimeZone;
            }
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Ticks (100 ns) elapsed since the clock was created; moves exactly as <see cref="GetUtcNow"/> does.</summary>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return (_now - _start).Ticks;
        }
    }

    /// <summary>Sets the zone <see cref="TimeProvider.GetLocalNow"/> converts to (UTC by default).</summary>
    public void SetLocalTimeZone(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        lock (_gate)
        {
            _localTimeZone = timeZone;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        RunUntil(target);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="value"/> is earlier than the clock (it never goes back).</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"the manual clock is at {_now:O} and cannot go back to {value:O}");
            }
        }

        RunUntil(value);
    }

    /// <summary>Advances the clock to the earliest pending timer's due time and fires it (and any due at the same instant).</summary>
    /// <returns>False when no timer was pending (the clock did not move).</returns>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset target;
        lock (_gate)
        {
            var next = Earliest();
            if (next is null)
            {
                return false;
            }

            target = next.Due;
        }

        RunUntil(target);
        return true;
    }

    /// <summary>Completes when at least <paramref name="count"/> timers are pending, e.g. once the code under test has
    /// called <c>Task.Delay</c> on this clock. Pair it with a bounded <paramref name="cancellationToken"/>.</summary>
    public Task WaitForTimersAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TimerWaiter waiter;
        lock (_gate)
        {
            if (_scheduled.Count >= count)
            {
                return Task.CompletedTask;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled(cancellationToken);
            }

            waiter = new TimerWaiter(count);
            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Completion.TrySetCanceled(cancellationToken);
            });
        }

        return waiter.Completion.Task;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public override string ToString() => $"ManualTimeProvider at {GetUtcNow():O}";

    /// <summary>Schedules or unschedules <paramref name="timer"/>; fires it at once when due now.</summary>
    internal bool Change(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimerArgument(dueTime, nameof(dueTime));
        ValidateTimerArgument(period, nameof(period));
        bool fireNow;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            _scheduled.Remove(timer);
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                fireNow = false;
            }
            else
            {
                timer.Due = _now + dueTime;
                timer.Sequence = ++_sequence;
                _scheduled.Add(timer);
                fireNow = dueTime == TimeSpan.Zero;
            }
        }

        ReleaseWaiters();
        if (fireNow)
        {
            RunUntil(GetUtcNow());
        }

        return true;
    }

    internal void Dispose(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    private static void ValidateTimerArgument(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "a timer's due time and period must be zero or positive, or Timeout.InfiniteTimeSpan");
        }
    }

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = Earliest();
                if (due is null || due.Due > target)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.Due > _now)
                {
                    _now = due.Due;
                }

                if (due.Period > TimeSpan.Zero)
                {
                    due.Due += due.Period;
                    due.Sequence = ++_sequence;
                }
                else
                {
                    _scheduled.Remove(due);
                }
            }

            ReleaseWaiters();
            due.Fire();
        }
    }

    private ManualTimer? Earliest()
    {
        ManualTimer? best = null;
        foreach (var timer in _scheduled)
        {
            if (best is null || timer.Due < best.Due || (timer.Due == best.Due && timer.Sequence < best.Sequence))
            {
                best = timer;
            }
        }

        return best;
    }

    private void ReleaseWaiters()
    {
        List<TimerWaiter>? released = null;
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _scheduled.Count)
                {
                    (released ??= []).Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        if (released is null)
        {
            return;
        }

        foreach (var waiter in released)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult();
        }
    }

    private sealed class TimerWaiter(int count)
    {
        public int Count { get; } = count;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}

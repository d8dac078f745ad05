namespace Coxswain.Engine.Testing;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>; its schedule fields are guarded by the provider's lock.</summary>
internal sealed class ManualTimer : ITimer
{
    private readonly ManualTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;

    public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
        _context = ExecutionContext.Capture();
    }

    public DateTimeOffset Due { get; set; }

    public TimeSpan Period { get; set; }

    public long Sequence { get; set; }

    public bool Disposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => _owner.Change(this, dueTime, period);

    public void Dispose() => _owner.Dispose(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Fire()
    {
        if (_context is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_context, static s => ((ManualTimer)s!).Invoke(), this);
        }
    }

    private void Invoke() => _callback(_state);
}

namespace Coxswain.Engine.Testing;

/// <summary>One fault registered with <see cref="EngineFaults"/>: how often it fired, and a way to withdraw it.</summary>
public sealed class InjectedFault
{
    private readonly Lock _gate;
    private int _hits;
    private int? _remaining;
    private bool _removed;

    internal InjectedFault(Lock gate, string description, int? times)
    {
        _gate = gate;
        Description = description;
        _remaining = times;
    }

    /// <summary>What the fault does, e.g. "pull of redis:7 fails (2 times)".</summary>
    public string Description { get; }

    /// <summary>How many times it fired.</summary>
    public int Hits
    {
        get
        {
            lock (_gate)
            {
                return _hits;
            }
        }
    }

    /// <summary>Whether it will fire again.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return !_removed && _remaining is not <= 0;
            }
        }
    }

    /// <summary>Withdraws the fault.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _removed = true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    /// <summary>Fires once if still active (call under the gate).</summary>
    internal bool TryFire()
    {
        if (_removed || _remaining is <= 0)
        {
            return false;
        }

        _hits++;
        _remaining--;
        return true;
    }
}

namespace Coxswain.Supervision;

/// <summary>Everything a <see cref="RestartTracker"/> knows, as an immutable record that the state store persists, so
/// counters, the failed state and user intent survive a daemon restart.</summary>
public sealed record RestartTrackerState
{
    /// <summary>Restarts decided since the counters last cleared (the backoff exponent).</summary>
    public int Attempts { get; init; }

    /// <summary>When each restart within the current budget window was decided, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> RestartTimes { get; init; } = [];

    /// <summary>Since when the service has run healthy (or running, without a probe); null while it is not.</summary>
    public DateTimeOffset? HealthySince { get; init; }

    /// <summary>The last failure recorded, or null.</summary>
    public Failure? LastFailure { get; init; }

    /// <summary>True once the budget was spent; cleared only by a person starting the service.</summary>
    public bool Failed { get; init; }

    /// <summary>How many restarts were decided before the service was failed (for "gave up after n restarts").</summary>
    public int GaveUpAfter { get; init; }

    /// <summary>True when a person stopped the service (CLI or API, or <c>docker stop</c> outside Coxswain); never restarted until started again.</summary>
    public bool UserStopped { get; init; }

    /// <summary>Restarts decided since the service was first supervised (never cleared; for history).</summary>
    public int TotalRestarts { get; init; }
}

namespace Coxswain.Engine;

/// <summary>How <see cref="EventWatcher"/> reconnects: capped exponential backoff on <see cref="TimeProvider"/>.</summary>
public sealed record EventWatcherOptions
{
    /// <summary>Delay before the first reconnection attempt (default 200 ms).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between attempts (default 10 s). A stream that stayed up this long starts over from <see cref="InitialDelay"/>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Factor between consecutive delays (default 2).</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>Source of time for delays and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

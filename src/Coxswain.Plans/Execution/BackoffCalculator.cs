namespace Coxswain.Plans;

/// <summary>
/// Backoff maths as a pure function with every input explicit (no clock, no randomness), so the
/// delays a plan waits are exact and testable.
/// </summary>
public static class BackoffCalculator
{
    /// <summary>The delay before retry <paramref name="retry"/> (1-based).</summary>
    /// <param name="kind">How the delay grows.</param>
    /// <param name="baseDelay">The delay before the first retry; negative is treated as zero.</param>
    /// <param name="retry">Which retry: 1 for the first; values below 1 are treated as 1.</param>
    /// <param name="maxDelay">Optional cap on the result.</param>
    /// <returns>The delay, never negative, never above <paramref name="maxDelay"/>, and saturating at <see cref="TimeSpan.MaxValue"/>.</returns>
    public static TimeSpan GetDelay(BackoffKind kind, TimeSpan baseDelay, int retry, TimeSpan? maxDelay = null)
    {
        if (baseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var n = Math.Max(1, retry);
        double factor = kind switch
        {
            BackoffKind.Constant => 1,
            BackoffKind.Linear => n,
            BackoffKind.Exponential => Math.Pow(2, n - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backoff kind."),
        };

        var ticks = baseDelay.Ticks * factor;
        var delay = ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        if (maxDelay is { } max && delay > max)
        {
            delay = max < TimeSpan.Zero ? TimeSpan.Zero : max;
        }

        return delay;
    }
}

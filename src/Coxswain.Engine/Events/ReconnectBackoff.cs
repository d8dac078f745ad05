namespace Coxswain.Engine;

/// <summary>Capped exponential backoff as a pure function: every input explicit, no clock, no randomness.</summary>
public static class ReconnectBackoff
{
    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based): <paramref name="initial"/> × <paramref name="multiplier"/>^(attempt−1),
    /// never more than <paramref name="maximum"/>. Attempts below 1 count as 1.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan maximum, double multiplier = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1.0);
        var exponent = Math.Max(attempt, 1) - 1;
        var ticks = initial.Ticks * Math.Pow(multiplier, exponent);
        return double.IsFinite(ticks) && ticks < maximum.Ticks ? TimeSpan.FromTicks((long)ticks) : maximum;
    }
}

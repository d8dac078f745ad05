using System.Globalization;

namespace Coxswain.Compose;

/// <summary>
/// Compose durations, written like Go's <c>time.ParseDuration</c>: one or more numbers (fractions allowed) each with a unit
/// (<c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), e.g. <c>1m30s</c>, <c>10s</c>, <c>500ms</c>, <c>1.5h</c>; <c>0</c> alone is zero.
/// </summary>
public static class ComposeDuration
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration (TimeSpan's 100 ns resolution; smaller parts are rounded down).</param>
    /// <param name="error">Why it is not a duration, when it is not.</param>
    /// <returns>True when it is a duration.</returns>
    public static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = "empty duration";
            return false;
        }

        if (s[0] is '-' or '+')
        {
            error = "a duration cannot be negative or signed";
            return false;
        }

        decimal totalNanoseconds = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = "expected a number with a unit, like 10s, 1m30s or 500ms";
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s[unitStart..i];
            if (unit.Length == 0)
            {
                error = $"missing unit after {s[start..i]} (use ns, us, ms, s, m or h, e.g. \"{s}s\")";
                return false;
            }

            if (NanosecondsPer(unit) is not { } factor)
            {
                error = $"unknown unit \"{unit}\" (use ns, us, ms, s, m or h)";
                return false;
            }

            totalNanoseconds += number * factor;
        }

        if (totalNanoseconds > (decimal)TimeSpan.MaxValue.Ticks * 100)
        {
            error = "duration is too long";
            return false;
        }

        value = TimeSpan.FromTicks((long)(totalNanoseconds / 100));
        return true;
    }

    /// <summary>Parses a duration or throws.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">When the text is not a duration.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException($"bad duration \"{text}\": {error}");

    /// <summary>Formats a duration in the same syntax, shortest form (e.g. <c>1m30s</c>, <c>500ms</c>, <c>0s</c>).</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var ticks = value.Ticks;
        var parts = new System.Text.StringBuilder();
        Append(ref ticks, TimeSpan.TicksPerHour, "h", parts);
        Append(ref ticks, TimeSpan.TicksPerMinute, "m", parts);
        Append(ref ticks, TimeSpan.TicksPerSecond, "s", parts);
        Append(ref ticks, TimeSpan.TicksPerMillisecond, "ms", parts);
        Append(ref ticks, TimeSpan.TicksPerMicrosecond, "us", parts);
        if (ticks > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{ticks * 100}ns");
        }

        return parts.ToString();
    }

    private static void Append(ref long ticks, long per, string unit, System.Text.StringBuilder parts)
    {
        if (ticks >= per)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{ticks / per}{unit}");
            ticks %= per;
        }
    }

    private static long? NanosecondsPer(string unit) => unit switch
    {
        "ns" => 1,
        "us" or "µs" or "μs" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => null,
    };
}

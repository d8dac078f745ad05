using System.Globalization;

namespace Coxswain.Engine.Docker;

/// <summary>Times as the engines write them: RFC 3339 with up to nine fractional digits (the zero time
/// "0001-01-01T00:00:00Z" means "never"), unix seconds, and unix nanoseconds.</summary>
internal static class EngineTime
{
    /// <summary>Parses an RFC 3339 time; null for null, empty, unparseable or the zero time.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.StartsWith("0001-01-01", StringComparison.Ordinal))
        {
            return null;
        }

        return TryParse(text.AsSpan(), out var value) ? value : null;
    }

    /// <summary>Parses an RFC 3339 time, trimming fractions finer than .NET's 100 ns ticks.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                var trimmed = string.Concat(text[..(dot + 8)], text[end..]);
                return TryParseExact(trimmed, out value);
            }
        }

        return TryParseExact(text, out value);
    }

    private static bool TryParseExact(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>A time from unix nanoseconds, else unix seconds (events carry both; older engines only seconds).</summary>
    public static DateTimeOffset FromUnix(long seconds, long nanoseconds) =>
        nanoseconds > 0
            ? DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100)
            : DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary>Unix seconds with nine fractional digits ("1700000000.123456789"), as <c>since</c>/<c>until</c> take them.</summary>
    public static string ToUnixSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return rest == 0
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{rest * 100:D9}");
    }
}

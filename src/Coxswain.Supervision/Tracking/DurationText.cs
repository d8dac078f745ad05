using System.Globalization;

namespace Coxswain.Supervision;

/// <summary>Durations as people read them in reasons and states: "500 ms", "4 s", "3.6 s", "2 min", "1 h".</summary>
public static class DurationText
{
    /// <summary>Formats <paramref name="duration"/>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(c, $"{Math.Max(0, Math.Round(duration.TotalMilliseconds)):0} ms");
        }

        if (duration < TimeSpan.FromMinutes(2))
        {
            return string.Create(c, $"{Math.Round(duration.TotalSeconds, 1):0.#} s");
        }

        if (duration < TimeSpan.FromHours(2))
        {
            return string.Create(c, $"{Math.Round(duration.TotalMinutes, 1):0.#} min");
        }

        return string.Create(c, $"{Math.Round(duration.TotalHours, 1):0.#} h");
    }
}

using System.Globalization;

namespace Coxswain.Plans;

/// <summary>Short, stable text for durations ("250 ms", "1.5 s", "2 min 5 s").</summary>
internal static class DurationText
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###} ms");
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");
        }

        var minutes = (long)value.TotalMinutes;
        var rest = value - TimeSpan.FromMinutes(minutes);
        return rest == TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} min {rest.TotalSeconds:0.###} s");
    }

    /// <summary>One decimal of seconds, for summaries ("12.3 s").</summary>
    public static string Seconds(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.0} s");
}

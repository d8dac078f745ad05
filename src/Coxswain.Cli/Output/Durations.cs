using System.Globalization;

namespace Coxswain.Cli.Output;

/// <summary>Short durations for people: "12 ms", "1.3 s".</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s");

    /// <summary>Whole milliseconds, for JSON.</summary>
    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);
}

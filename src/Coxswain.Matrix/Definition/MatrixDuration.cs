using System.Globalization;
using System.Text.RegularExpressions;

namespace Coxswain.Matrix;

/// <summary>Durations in flags and matrix files: <c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>500ms</c>, or a number of seconds.</summary>
public static partial class MatrixDuration
{
    /// <summary>What to write, for error messages.</summary>
    public const string Help = "use a number of seconds or units like 500ms, 30s, 5m, 1h30m";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration of zero or more.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text?.Trim() ?? "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || double.IsNaN(seconds) || seconds > 1e9)
            {
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        if (!Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var n = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            value += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return true;
    }

    /// <summary>Short text for people: <c>1.5s</c>, <c>2m</c>, <c>1h30m</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }

        var text = value.Hours + (value.Days * 24) > 0 ? $"{value.Hours + (value.Days * 24)}h" : "";
        text += value.Minutes > 0 ? $"{value.Minutes}m" : "";
        text += value.Seconds > 0 ? $"{value.Seconds}s" : "";
        return text;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}

using System.Globalization;

namespace Coxswain.Matrix;

/// <summary>Durations in flags and matrix files: <c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>500ms</c>, or a number of seconds.</summary>
public static class MatrixDuration
{
    /// <summary>What to write, for error messages.</summary>
    public const string Help = Plans.Yaml.DurationParser.Help;

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration of zero or more.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => Plans.Yaml.DurationParser.TryParse(text ?? "", out value);

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
}

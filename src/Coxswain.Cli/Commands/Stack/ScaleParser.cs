using System.Globalization;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>Parses <c>--scale svc=n</c> values.</summary>
internal static class ScaleParser
{
    public static Dictionary<string, int> Parse(IEnumerable<string> values, out string? error)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        error = null;
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                error = $"--scale \"{value}\" is not SERVICE=N (e.g. --scale web=3)";
                return result;
            }

            result[parts[0]] = n;
        }

        return result;
    }
}

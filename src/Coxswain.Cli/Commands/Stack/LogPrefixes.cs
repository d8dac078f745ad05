using System.Globalization;
using Coxswain.Engine;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>
/// The <c>container | </c> prefix of interleaved log lines: names padded to one width and, on a colour terminal, each
/// container in its own colour (a fixed palette in name order, so the same project always looks the same). The
/// log text itself is written as the container wrote it.
/// </summary>
internal sealed class LogPrefixes
{
    /// <summary>ANSI foreground colours: cyan, yellow, green, magenta, blue, then their bright forms.</summary>
    private static readonly string[] Palette = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94"];

    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);

    /// <summary>Prepares the prefixes of <paramref name="containers"/>.</summary>
    /// <param name="containers">The containers (colours are handed out in name order).</param>
    /// <param name="color">Whether to colour the prefixes (a terminal without NO_COLOR).</param>
    public LogPrefixes(IReadOnlyList<string> containers, bool color)
    {
        var width = containers.Count == 0 ? 0 : containers.Max(c => c.Length);
        var sorted = containers.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var plain = sorted[i].PadRight(width) + " | ";
            _prefixes[sorted[i]] = color ? $"\u001b[{Palette[i % Palette.Length]}m{plain}\u001b[0m" : plain;
        }
    }

    /// <summary>One output line: prefix, the timestamp when asked for, and the text.</summary>
    public string Format(string container, LogLine line, bool timestamps) =>
        timestamps && line.Timestamp is { } at
            ? $"{_prefixes[container]}{at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {line.Text}"
            : _prefixes[container] + line.Text;
}

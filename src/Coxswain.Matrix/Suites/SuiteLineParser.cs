using System.Globalization;

namespace Coxswain.Matrix;

/// <summary>
/// The one parser of the standardized lines a test container prints on stdout (grammar in docs/matrix.md):
/// <code>
/// suite-line    = keyword SP name          ; keyword at column 0, exactly as written (upper case)
/// keyword       = "PASS" / "FAIL" / "XFAIL" / "XPASS"
/// progress-line = "PB&gt;" [SP counter] [SP text]
/// counter       = 1*DIGIT "/" 1*DIGIT      ; step/total, step ≤ total, total ≥ 1
/// </code>
/// SP is one or more spaces or tabs; the name and text are the rest of the line with surrounding white space and a
/// trailing carriage return removed; a suite line with an empty name is not a suite line. Everything else is plain output.
/// </summary>
public static class SuiteLineParser
{
    /// <summary>The prefix of a progress frame.</summary>
    public const string ProgressPrefix = "PB>";

    private static readonly string[] Keywords = ["XFAIL", "XPASS", "PASS", "FAIL"];

    /// <summary>Parses a suite line; null when <paramref name="line"/> is not one.</summary>
    public static SuiteResult? ParseSuite(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var keyword in Keywords)
        {
            if (!line.StartsWith(keyword, StringComparison.Ordinal) || line.Length == keyword.Length || !IsBlank(line[keyword.Length]))
            {
                continue;
            }

            var name = line[keyword.Length..].Trim(' ', '\t', '\r');
            if (name.Length == 0)
            {
                return null;
            }

            return keyword switch
            {
                "PASS" => new SuiteResult(name, SuiteStatus.Pass),
                "FAIL" => new SuiteResult(name, SuiteStatus.Fail),
                "XFAIL" => new SuiteResult(name, SuiteStatus.Fail, ExpectedFailure: true),
                _ => new SuiteResult(name, SuiteStatus.Pass, ExpectedFailure: true),
            };
        }

        return null;
    }

    /// <summary>Parses a progress frame; null when <paramref name="line"/> does not start with <c>PB&gt;</c>.</summary>
    public static ProgressFrame? ParseProgress(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(ProgressPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[ProgressPrefix.Length..];
        if (rest.Length > 0 && !IsBlank(rest[0]))
        {
            return null; // "PB>x" is not a frame: the prefix must stand alone.
        }

        rest = rest.Trim(' ', '\t', '\r');
        var end = rest.IndexOfAny([' ', '\t']);
        var first = end < 0 ? rest : rest[..end];
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(first[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && int.TryParse(first[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            && total >= 1 && step <= total)
        {
            var text = end < 0 ? "" : rest[end..].Trim(' ', '\t');
            return new ProgressFrame(text, step, total);
        }

        return new ProgressFrame(rest);
    }

    /// <summary>Every suite line of <paramref name="lines"/>, in order. A suite reported twice keeps its last result.</summary>
    public static IReadOnlyList<SuiteResult> ParseAll(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var results = new List<SuiteResult>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (ParseSuite(line) is not { } suite)
            {
                continue;
            }

            if (positions.TryGetValue(suite.Name, out var at))
            {
                results[at] = suite;
            }
            else
            {
                positions[suite.Name] = results.Count;
                results.Add(suite);
            }
        }

        return results;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}

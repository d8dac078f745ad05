using System.Globalization;

namespace Coxswain.Matrix;

/// <summary>The final summary as text: one headline, one line per target, where the summaries are.</summary>
public static class SummaryText
{
    /// <summary>The lines of the summary of <paramref name="result"/>; target names padded to <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Lines(MatrixResult result, int width = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        var counts = string.Join(", ", Enum.GetValues<TargetStatus>()
            .Select(s => (s, n: result.Targets.Count(t => t.Status == s)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {SummaryJson.StatusText(x.s).Replace('_', ' ')}"));
        var verdict = result.Succeeded ? "PASSED" : result.Interrupted ? "INTERRUPTED" : "FAILED";
        var took = MatrixDuration.Format(result.FinishedAt - result.StartedAt);
        lines.Add($"matrix {result.Matrix} run {result.RunId}: {verdict} ({counts}) in {took}");
        foreach (var t in result.Targets)
        {
            var status = SummaryJson.StatusText(t.Status).Replace('_', ' ');
            var attempts = t.Attempts == 1 ? "1 attempt" : $"{t.Attempts.ToString(CultureInfo.InvariantCulture)} attempts";
            var exit = t.ExitCode is { } code ? $", exit {code.ToString(CultureInfo.InvariantCulture)}" : "";
            var suites = t.Suites.Count == 0 ? "" : ", suites: " + string.Join(" ", t.Suites.Select(s => $"{s.Keyword} {s.Name}"));
            var error = t.Error is null || t.Status == TargetStatus.Passed ? "" : $" — {t.Error}";
            lines.Add($"  {t.Target.PadRight(width)}  {status} ({attempts}{exit}){suites}{error}");
        }

        if (result.Cancelled.Count > 0)
        {
            lines.Add($"cancelled: {string.Join(", ", result.Cancelled)}");
        }

        if (result.AggregatePath.Length > 0)
        {
            lines.Add($"summary: {result.AggregatePath}");
        }

        return lines;
    }
}

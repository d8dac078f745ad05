namespace Coxswain.Matrix;

/// <summary>
/// What a person sees, by verbosity. Quiet: nothing until the summary. Normal: one line per start, retry and end, and each
/// <c>PB&gt;</c> frame as <c>target  [2/5] text</c>. Verbose: every stdout line as <c>target | line</c> on stdout. Debug: also every
/// stderr line as <c>target | line</c> on stderr. Container lines are never altered beyond the prefix, and stay on their stream.
/// </summary>
public sealed class MatrixReporter(ILineSink sink, Verbosity verbosity, IReadOnlyList<string> targets)
{
    private readonly int width = targets.Count == 0 ? 0 : targets.Max(t => t.Length);

    /// <summary>How much is printed.</summary>
    public Verbosity Verbosity { get; } = verbosity;

    /// <summary>A note about the run as a whole (Normal and up).</summary>
    public void Note(string text) => Say(Verbosity.Normal, OutputStream.Out, text);

    /// <summary>A warning: always shown, on stderr.</summary>
    public void Warn(string text) => sink.WriteLine(OutputStream.Error, "warning: " + text);

    /// <summary>A target event line: <c>target  text</c> (Normal and up).</summary>
    public void Target(string target, string text) => Say(Verbosity.Normal, OutputStream.Out, $"{Pad(target)}  {text}");

    /// <summary>A line of build output (Debug only, on stderr).</summary>
    public void BuildOutput(string target, string line) => Say(Verbosity.Debug, OutputStream.Error, $"{Pad(target)} | {line}");

    /// <summary>One stdout line of a container: shown whole at Verbose, as a progress frame at Normal when it is one.</summary>
    public void Stdout(string target, string line)
    {
        if (Verbosity >= Verbosity.Verbose)
        {
            sink.WriteLine(OutputStream.Out, $"{Pad(target)} | {line}");
        }
        else if (Verbosity == Verbosity.Normal && SuiteLineParser.ParseProgress(line) is { } frame)
        {
            sink.WriteLine(OutputStream.Out, $"{Pad(target)}  {frame}");
        }
    }

    /// <summary>One stderr line of a container: shown live at Debug only (always kept on disk).</summary>
    public void Stderr(string target, string line) => Say(Verbosity.Debug, OutputStream.Error, $"{Pad(target)} | {line}");

    /// <summary>The final summary: always shown, even when quiet.</summary>
    public void Summary(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var line in SummaryText.Lines(result, width))
        {
            sink.WriteLine(OutputStream.Out, line);
        }

        foreach (var problem in result.CleanupProblems)
        {
            Warn(problem);
        }
    }

    private void Say(Verbosity minimum, OutputStream stream, string text)
    {
        if (Verbosity >= minimum)
        {
            sink.WriteLine(stream, text);
        }
    }

    private string Pad(string target) => target.PadRight(width);
}

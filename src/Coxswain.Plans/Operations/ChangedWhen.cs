namespace Coxswain.Plans.Operations;

/// <summary>The rule that says whether a successful command changed something.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="ExitCode">For <see cref="ChangedWhenKind.ExitCode"/>: the code meaning "changed".</param>
/// <param name="Text">For <see cref="ChangedWhenKind.OutputContains"/>: the text to look for.</param>
public sealed record ChangedWhen(ChangedWhenKind Kind, int? ExitCode = null, string? Text = null)
{
    /// <summary>Every successful run is a change.</summary>
    public static ChangedWhen Always { get; } = new(ChangedWhenKind.Always);

    /// <summary>No run is a change.</summary>
    public static ChangedWhen Never { get; } = new(ChangedWhenKind.Never);

    /// <summary>Changed when the command exits with <paramref name="code"/> (which then counts as success too).</summary>
    /// <param name="code">The exit code.</param>
    public static ChangedWhen OnExitCode(int code) => new(ChangedWhenKind.ExitCode, code);

    /// <summary>Changed when standard output contains <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    public static ChangedWhen OnOutput(string text) => new(ChangedWhenKind.OutputContains, Text: text);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ChangedWhenKind.Always => "true",
        ChangedWhenKind.Never => "false",
        ChangedWhenKind.ExitCode => $"exit_code {ExitCode}",
        _ => $"stdout_contains '{Text}'",
    };
}

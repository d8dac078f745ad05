namespace Coxswain.Plans.Operations;

/// <summary>How a command's run is judged changed.</summary>
public enum ChangedWhenKind
{
    /// <summary>Every successful run changed something (the default).</summary>
    Always,

    /// <summary>A run never counts as a change (read-only commands).</summary>
    Never,

    /// <summary>Changed when the exit code equals <see cref="ChangedWhen.ExitCode"/>.</summary>
    ExitCode,

    /// <summary>Changed when the standard output contains <see cref="ChangedWhen.Text"/>.</summary>
    OutputContains,
}

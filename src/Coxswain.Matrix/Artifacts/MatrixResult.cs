namespace Coxswain.Matrix;

/// <summary>The result of a matrix run: one outcome per target, the run id, times, and where the aggregate summary is.</summary>
public sealed record MatrixResult
{
    /// <summary>The run id (UTC <c>YYYYMMDD-HHMMSSZ</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>The matrix's name.</summary>
    public required string Matrix { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>One outcome per target, in target order.</summary>
    public required IReadOnlyList<TargetOutcome> Targets { get; init; }

    /// <summary>True when the run was interrupted (Ctrl+C).</summary>
    public bool Interrupted { get; init; }

    /// <summary>Absolute path of <c>aggregate-&lt;runID&gt;.json</c>.</summary>
    public string AggregatePath { get; init; } = "";

    /// <summary>Problems met while cleaning up (a container that could not be removed, with what to do).</summary>
    public IReadOnlyList<string> CleanupProblems { get; init; } = [];

    /// <summary>True only when every target completed and passed (or was built, with <c>--build</c>) and nothing was cancelled.</summary>
    public bool Succeeded => !Interrupted && Targets.Count > 0 && Targets.All(t => t.Status is TargetStatus.Passed or TargetStatus.Built);

    /// <summary>The process exit code: 0 when <see cref="Succeeded"/>, 130 when interrupted, 1 otherwise.</summary>
    public int ExitCode => Succeeded ? 0 : Interrupted ? 130 : 1;

    /// <summary>The targets that were cancelled.</summary>
    public IReadOnlyList<string> Cancelled => Targets.Where(t => t.Status == TargetStatus.Cancelled).Select(t => t.Target).ToList();
}

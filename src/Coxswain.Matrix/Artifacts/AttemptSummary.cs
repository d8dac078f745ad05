namespace Coxswain.Matrix;

/// <summary>The per-container summary, written as <c>&lt;container&gt;-summary.json</c> with exactly the keys <c>distro</c>,
/// <c>image_digest</c>, <c>container_id</c>, <c>started_at</c>, <c>finished_at</c>, <c>exit_code</c>, <c>log_paths</c>
/// {<c>stdout</c>, <c>stderr</c>} and <c>suites</c> [{<c>name</c>, <c>status</c>, <c>expect</c>?}].</summary>
public sealed record AttemptSummary
{
    /// <summary>The target.</summary>
    public required string Distro { get; init; }

    /// <summary>The image id (<c>sha256:…</c>) the container ran.</summary>
    public required string ImageDigest { get; init; }

    /// <summary>The container id; null when the container could not be created.</summary>
    public string? ContainerId { get; init; }

    /// <summary>When the container started; null when it never did.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended (or was given up on).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Its exit code; null when it never ran to an end the engine could report.</summary>
    public long? ExitCode { get; init; }

    /// <summary>Absolute path of the stdout log.</summary>
    public required string StdoutLog { get; init; }

    /// <summary>Absolute path of the stderr log.</summary>
    public required string StderrLog { get; init; }

    /// <summary>The suite lines of its stdout.</summary>
    public IReadOnlyList<SuiteResult> Suites { get; init; } = [];
}

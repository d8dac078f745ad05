namespace Coxswain.Matrix;

/// <summary>What one target came to in a run: its status, attempts, image, last exit code, error and summaries written.</summary>
public sealed record TargetOutcome
{
    /// <summary>The target.</summary>
    public required string Target { get; init; }

    /// <summary>How it ended.</summary>
    public required TargetStatus Status { get; init; }

    /// <summary>How many containers were started for it (0 when none).</summary>
    public int Attempts { get; init; }

    /// <summary>The image tag (<c>name-target:hash</c>), when known.</summary>
    public string? Image { get; init; }

    /// <summary>The image id, when known.</summary>
    public string? ImageDigest { get; init; }

    /// <summary>Whether the image was built in this run (false: reused by its content hash).</summary>
    public bool Built { get; init; }

    /// <summary>The last container's exit code.</summary>
    public long? ExitCode { get; init; }

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Error { get; init; }

    /// <summary>The suites of its last container.</summary>
    public IReadOnlyList<SuiteResult> Suites { get; init; } = [];

    /// <summary>Paths of the per-container summaries, one per attempt.</summary>
    public IReadOnlyList<string> Summaries { get; init; } = [];
}

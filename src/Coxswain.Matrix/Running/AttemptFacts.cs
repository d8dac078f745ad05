namespace Coxswain.Matrix;

/// <summary>What happened in one attempt, gathered as it runs and written to its summary at the end.</summary>
internal sealed class AttemptFacts(string name, ArtifactPaths paths)
{
    public string Name { get; } = name;

    public ArtifactPaths Paths { get; } = paths;

    public string? ContainerId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public long? ExitCode { get; set; }

    public bool Cancelled { get; set; }

    public bool TimedOut { get; set; }

    public Exception? Failure { get; set; }

    public IReadOnlyList<SuiteResult> Suites { get; set; } = [];
}

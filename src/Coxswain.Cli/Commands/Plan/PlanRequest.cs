namespace Coxswain.Cli.Commands.Plan;

/// <summary>What <c>cox plan run</c> or <c>cox plan resume</c> was asked to do.</summary>
internal sealed record PlanRequest
{
    /// <summary>The plan file (for resume: an override of the recorded one, or null).</summary>
    public string? File { get; init; }

    /// <summary>The run to resume; null for a new run.</summary>
    public string? ResumeRunId { get; init; }

    /// <summary><c>--var</c> values.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--host</c>.</summary>
    public string? Host { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--dry-run</c>.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>--journal</c>.</summary>
    public string? Journal { get; init; }
}

namespace Coxswain.Plans.Journal;

/// <summary>What a journal records when a run starts or resumes.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="PlanHash">The hash of the plan definition.</param>
/// <param name="Definition">Each task's name and hash, for telling what changed.</param>
/// <param name="StartedAt">When, on the plan's clock.</param>
/// <param name="IsResume">True when an existing run is resumed.</param>
public sealed record JournalRunStart(
    string RunId,
    string PlanName,
    string PlanHash,
    IReadOnlyList<KeyValuePair<string, string>> Definition,
    DateTimeOffset StartedAt,
    bool IsResume);

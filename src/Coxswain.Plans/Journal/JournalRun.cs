namespace Coxswain.Plans.Journal;

/// <summary>One run as a journal knows it.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="PlanHash">The hash of the plan definition the run was started with.</param>
/// <param name="StartedAt">When it first started.</param>
/// <param name="FinishedAt">When it last finished; null while running (or if the process died).</param>
/// <param name="Status">How it stands.</param>
/// <param name="TaskCount">How many tasks the plan has.</param>
/// <param name="Resumes">How many times it was resumed.</param>
public sealed record JournalRun(
    string RunId,
    string PlanName,
    string PlanHash,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunStatus Status,
    int TaskCount,
    int Resumes);

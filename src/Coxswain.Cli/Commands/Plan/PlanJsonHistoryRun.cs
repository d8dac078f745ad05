using Coxswain.Plans.Journal;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>One run in <c>cox plan history --json</c>.</summary>
internal sealed record PlanJsonHistoryRun(
    string RunId,
    string Plan,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Tasks,
    int Resumes,
    string? File)
{
    public static PlanJsonHistoryRun From(JournalRun run, PlanRunRecord? record) => new(
        run.RunId, run.PlanName, run.Status.ToString().ToLowerInvariant(), run.StartedAt, run.FinishedAt, run.TaskCount, run.Resumes, record?.File);
}

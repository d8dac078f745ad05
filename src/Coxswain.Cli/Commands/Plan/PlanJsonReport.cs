using Coxswain.Cli.Output;
using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>The <c>--json</c> report of <c>cox plan run</c> and <c>cox plan resume</c>.</summary>
internal sealed record PlanJsonReport(
    string Plan,
    string File,
    string? RunId,
    string Status,
    bool Succeeded,
    long DurationMs,
    string Summary,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<PlanJsonTask> Tasks)
{
    public static PlanJsonReport From(Coxswain.Plans.Plan plan, string file, Report report) => new(
        report.PlanName,
        file,
        report.RunId,
        report.Status.ToString().ToLowerInvariant(),
        report.Succeeded,
        Durations.Milliseconds(report.Duration),
        report.Summary(),
        Enum.GetValues<PlanTaskStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), report.Count),
        [.. report.Tasks.Select(t => PlanJsonTask.From(t, plan.Find(t.Name)))]);
}

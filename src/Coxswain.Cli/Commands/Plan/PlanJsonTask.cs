using Coxswain.Cli.Output;
using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>One task in the <c>--json</c> report.</summary>
internal sealed record PlanJsonTask(
    string Name,
    string Status,
    bool Changed,
    string? Type,
    string? Target,
    long DurationMs,
    int Attempts,
    string? Message,
    string? Error,
    string? SkipReason,
    bool Resumed)
{
    public static PlanJsonTask From(TaskReport t, PlanTask? task) => new(
        t.Name,
        t.Status.ToString().ToLowerInvariant(),
        t.Changed,
        task?.Operation.Kind,
        task?.Target,
        Durations.Milliseconds(t.Duration),
        t.Attempts,
        t.Message,
        t.Error,
        t.SkipReason,
        t.Resumed);
}

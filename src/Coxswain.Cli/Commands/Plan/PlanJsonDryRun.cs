using Coxswain.Plans;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>The <c>--dry-run --json</c> document: the waves and, per task, what a run would do.</summary>
internal sealed record PlanJsonDryRun(string Plan, string File, bool DryRun, IReadOnlyList<PlanJsonDryRunWave> Waves, string Text)
{
    public static PlanJsonDryRun From(DryRunResult result, string file) => new(
        result.PlanName,
        file,
        true,
        [.. result.Waves.Select(w => new PlanJsonDryRunWave(w.Number, [.. w.Tasks.Select(t => new PlanJsonDryRunTask(
            t.Name, t.Kind, t.Outcome.ToString(), t.Reason, t.Conditions))]))],
        result.Render());
}

/// <summary>One wave of a dry run.</summary>
internal sealed record PlanJsonDryRunWave(int Wave, IReadOnlyList<PlanJsonDryRunTask> Tasks);

/// <summary>One task of a dry run.</summary>
internal sealed record PlanJsonDryRunTask(string Name, string Type, string Outcome, string Reason, IReadOnlyList<string> Conditions);

using Coxswain.Plans;

namespace Coxswain.Stacks;

/// <summary>What a stack run did.</summary>
/// <param name="Plan">The plan that ran.</param>
/// <param name="Report">The DAG executor's report.</param>
public sealed record StackRunResult(StackPlan Plan, Report Report)
{
    /// <summary>True when every operation succeeded.</summary>
    public bool Succeeded => Report.Succeeded && Errors.Count == 0;

    /// <summary>The failures, each naming the operation, what went wrong and what to do.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What the rollback removed (containers this run created that were not running).</summary>
    public IReadOnlyList<string> RolledBack { get; init; } = [];
}

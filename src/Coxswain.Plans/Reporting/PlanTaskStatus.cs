namespace Coxswain.Plans;

/// <summary>How a task ended.</summary>
public enum PlanTaskStatus
{
    /// <summary>It ran and changed something.</summary>
    Changed,

    /// <summary>It ran and changed nothing.</summary>
    Unchanged,

    /// <summary>It did not run: see <see cref="TaskReport.SkipReason"/> and <see cref="TaskReport.SkipCause"/>.</summary>
    Skipped,

    /// <summary>It failed (after any retries): see <see cref="TaskReport.Error"/>.</summary>
    Failed,

    /// <summary>It was running, or waiting to run, when the run was cancelled or stopped.</summary>
    Cancelled,
}

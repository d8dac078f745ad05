namespace Coxswain.Plans;

/// <summary>What the plan does once a task has failed for good (after any retries).</summary>
public enum FailureAction
{
    /// <summary>Cancel every task still running and start nothing new (the default).</summary>
    StopAll,

    /// <summary>Skip the failed task's dependents, transitively, and keep running independent tasks.</summary>
    Continue,
}

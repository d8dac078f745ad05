namespace Coxswain.Plans;

/// <summary>Which way a plan is walked.</summary>
public enum PlanDirection
{
    /// <summary>Dependencies first (bring-up order).</summary>
    Forward,

    /// <summary>Dependents first (teardown order): a task runs after every task that depends on it.</summary>
    Reverse,
}

namespace Coxswain.Plans;

/// <summary>
/// One task of a <see cref="Plan"/>: a name, an operation, dependencies, conditions and an error
/// strategy. Created by <see cref="Plan.Task"/> or <see cref="Plan.TaskFunc"/>; configured fluently:
/// <c>plan.Task("b", op).DependsOn(a).OnlyIfChanged()</c>.
/// </summary>
public sealed class PlanTask
{
    private List<string>? dependencies;

    internal PlanTask(Plan plan, string name, IOperation operation, int index)
    {
        Plan = plan;
        Name = name;
        Operation = operation;
        Index = index;
    }

    /// <summary>The plan the task belongs to.</summary>
    public Plan Plan { get; }

    /// <summary>The task's name, unique in its plan.</summary>
    public string Name { get; }

    /// <summary>What the task runs.</summary>
    public IOperation Operation { get; }

    /// <summary>The names of the tasks this one depends on, in the order given.</summary>
    public IReadOnlyList<string> Dependencies => (IReadOnlyList<string>?)dependencies ?? [];

    /// <summary>True when the task runs only if at least one dependency reported Changed.</summary>
    public bool RunsOnlyIfChanged { get; private set; }

    /// <summary>The guard set by <see cref="When"/>, if any.</summary>
    public Func<PlanResults, bool>? Guard { get; private set; }

    /// <summary>How the guard is shown in reports and dry runs (and hashed into journals).</summary>
    public string? GuardDescription { get; private set; }

    /// <summary>True when the task still runs after a dependency failed (its guard decides).</summary>
    public bool RunsIfDependenciesFailed { get; private set; }

    /// <summary>The task's own error strategy; null to use the plan's.</summary>
    public ErrorStrategy? ErrorStrategy { get; private set; }

    /// <summary>The time one attempt may take; null to use <see cref="PlanOptions.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; private set; }

    /// <summary>The engine target the task runs against (null: the default).</summary>
    public string? Target { get; private set; }

    /// <summary>Position in the plan (insertion order), which also orders ready tasks.</summary>
    internal int Index { get; }

    /// <summary>Makes this task run after <paramref name="tasks"/> (each must belong to the same plan).</summary>
    /// <param name="tasks">The dependencies.</param>
    /// <returns>This task.</returns>
    public PlanTask DependsOn(params ReadOnlySpan<PlanTask> tasks)
    {
        Plan.EnsureEditable();
        foreach (var task in tasks)
        {
            ArgumentNullException.ThrowIfNull(task);
            if (!ReferenceEquals(task.Plan, Plan))
            {
                throw new ArgumentException($"Task '{Name}' cannot depend on '{task.Name}': that task belongs to another plan ('{task.Plan.Name}').", nameof(tasks));
            }

            (dependencies ??= []).Add(task.Name);
        }

        return this;
    }

    /// <summary>Makes this task run after the tasks named <paramref name="names"/> (checked when the plan is validated).</summary>
    /// <param name="names">The dependencies' names.</param>
    /// <returns>This task.</returns>
    public PlanTask DependsOn(params ReadOnlySpan<string> names)
    {
        Plan.EnsureEditable();
        foreach (var name in names)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(names));
            (dependencies ??= []).Add(name);
        }

        return this;
    }

    /// <summary>Runs the task only if at least one dependency reported Changed; otherwise it is Skipped, saying so.</summary>
    /// <returns>This task.</returns>
    public PlanTask OnlyIfChanged()
    {
        Plan.EnsureEditable();
        RunsOnlyIfChanged = true;
        return this;
    }

    /// <summary>
    /// Runs the task only if <paramref name="guard"/> returns true when the task is ready; otherwise
    /// it is Skipped. A guard that throws fails the task. The guard reads finished results only.
    /// </summary>
    /// <param name="guard">The condition, over the results of finished tasks.</param>
    /// <param name="description">How to show the guard (and hash it into journals); "custom guard" when null.</param>
    /// <returns>This task.</returns>
    public PlanTask When(Func<PlanResults, bool> guard, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        Plan.EnsureEditable();
        Guard = guard;
        GuardDescription = description;
        return this;
    }

    /// <summary>
    /// Lets the task run even when a dependency failed (normally it is then skipped); use with a
    /// <see cref="When"/> guard for clean-up or rollback tasks. Under StopAll nothing new starts after a failure anyway.
    /// </summary>
    /// <returns>This task.</returns>
    public PlanTask EvenIfDependenciesFailed()
    {
        Plan.EnsureEditable();
        RunsIfDependenciesFailed = true;
        return this;
    }

    /// <summary>Sets the task's own error strategy (overriding the plan's).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>This task.</returns>
    public PlanTask OnError(ErrorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Plan.EnsureEditable();
        ErrorStrategy = strategy;
        return this;
    }

    /// <summary>Limits each attempt to <paramref name="timeout"/> (measured on the plan's TimeProvider).</summary>
    /// <param name="timeout">A positive time.</param>
    /// <returns>This task.</returns>
    public PlanTask WithTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Plan.EnsureEditable();
        Timeout = timeout;
        return this;
    }

    /// <summary>Sets the engine target (a name resolved by <see cref="PlanOptions.Engines"/>).</summary>
    /// <param name="target">The target name.</param>
    /// <returns>This task.</returns>
    public PlanTask OnTarget(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Plan.EnsureEditable();
        Target = target;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Operation.Description})";
}

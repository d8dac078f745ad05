namespace Coxswain.Plans;

/// <summary>
/// The results of tasks that have finished so far in a run: what <see cref="PlanTask.When"/> guards
/// and running operations read. A task's dependencies have always finished before it starts.
/// </summary>
public sealed class PlanResults
{
    private readonly TaskReport[] reports;
    private readonly bool[] finished;
    private readonly IReadOnlyDictionary<string, int> index;

    internal PlanResults(TaskReport[] reports, bool[] finished, IReadOnlyDictionary<string, int> index)
    {
        this.reports = reports;
        this.finished = finished;
        this.index = index;
    }

    /// <summary>The report of <paramref name="name"/>, if that task has finished.</summary>
    /// <param name="name">A task name.</param>
    /// <param name="report">The report, when found.</param>
    public bool TryGet(string name, out TaskReport report)
    {
        if (index.TryGetValue(name, out var i) && Volatile.Read(ref finished[i]))
        {
            report = reports[i];
            return true;
        }

        report = default;
        return false;
    }

    /// <summary>The report of the finished task <paramref name="name"/>.</summary>
    /// <param name="name">A task name.</param>
    /// <exception cref="KeyNotFoundException">No such task, or it has not finished (make it a dependency).</exception>
    public TaskReport this[string name]
    {
        get
        {
            if (!index.ContainsKey(name))
            {
                throw new KeyNotFoundException($"There is no task named '{name}' in this plan.");
            }

            return TryGet(name, out var report)
                ? report
                : throw new KeyNotFoundException($"Task '{name}' has not finished yet; add it to the dependencies of the task that reads its result.");
        }
    }

    /// <summary>True when <paramref name="name"/> finished Changed.</summary>
    /// <param name="name">A finished task's name.</param>
    public bool Changed(string name) => this[name].Status == PlanTaskStatus.Changed;

    /// <summary>True when <paramref name="name"/> finished Failed.</summary>
    /// <param name="name">A finished task's name.</param>
    public bool Failed(string name) => this[name].Status == PlanTaskStatus.Failed;

    /// <summary>True when <paramref name="name"/> finished Skipped.</summary>
    /// <param name="name">A finished task's name.</param>
    public bool Skipped(string name) => this[name].Status == PlanTaskStatus.Skipped;

    /// <summary>True when <paramref name="name"/> ran and succeeded (Changed or Unchanged).</summary>
    /// <param name="name">A finished task's name.</param>
    public bool Succeeded(string name) => this[name].Status is PlanTaskStatus.Changed or PlanTaskStatus.Unchanged;
}

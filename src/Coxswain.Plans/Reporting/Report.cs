using System.Text;

namespace Coxswain.Plans;

/// <summary>The result of running a plan: one <see cref="TaskReport"/> per task, in the order tasks were added.</summary>
public sealed class Report
{
    private readonly TaskReport[] tasks;
    private readonly IReadOnlyDictionary<string, int> index;

    internal Report(string planName, string? runId, RunStatus status, DateTimeOffset startedAt, TimeSpan duration, TaskReport[] tasks, IReadOnlyDictionary<string, int> index)
    {
        PlanName = planName;
        RunId = runId;
        Status = status;
        StartedAt = startedAt;
        Duration = duration;
        this.tasks = tasks;
        this.index = index;
    }

    /// <summary>The plan's name.</summary>
    public string PlanName { get; }

    /// <summary>The journal's run id, when the run was journaled.</summary>
    public string? RunId { get; }

    /// <summary>Succeeded, Failed (a task failed) or Cancelled.</summary>
    public RunStatus Status { get; }

    /// <summary>True when no task failed and the run was not cancelled.</summary>
    public bool Succeeded => Status == RunStatus.Succeeded;

    /// <summary>When the run started, on the plan's clock.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the run took, on the plan's clock.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every task's report, in the order tasks were added to the plan.</summary>
    public IReadOnlyList<TaskReport> Tasks => tasks;

    /// <summary>The report of the task named <paramref name="name"/>.</summary>
    /// <param name="name">A task name.</param>
    /// <exception cref="KeyNotFoundException">No such task in the plan.</exception>
    public TaskReport this[string name] => index.TryGetValue(name, out var i)
        ? tasks[i]
        : throw new KeyNotFoundException($"Plan '{PlanName}' has no task named '{name}'.");

    /// <summary>How many tasks ended with <paramref name="status"/>.</summary>
    /// <param name="status">The status to count.</param>
    public int Count(PlanTaskStatus status)
    {
        var n = 0;
        foreach (var t in tasks)
        {
            if (t.Status == status)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// One line for people: "4 tasks: 2 changed, 1 unchanged, 1 skipped — 12.3 s". Statuses with
    /// no task are left out; the order is changed, unchanged, skipped, failed, cancelled.
    /// </summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(tasks.Length).Append(tasks.Length == 1 ? " task" : " tasks");
        var first = true;
        foreach (var status in new[] { PlanTaskStatus.Changed, PlanTaskStatus.Unchanged, PlanTaskStatus.Skipped, PlanTaskStatus.Failed, PlanTaskStatus.Cancelled })
        {
            var n = Count(status);
            if (n == 0)
            {
                continue;
            }

            text.Append(first ? ": " : ", ").Append(n).Append(' ').Append(status.ToString().ToLowerInvariant());
            first = false;
        }

        text.Append(" — ").Append(DurationText.Seconds(Duration));
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Summary();
}

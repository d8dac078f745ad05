namespace Coxswain.Plans;

/// <summary>What settles a ready task without running it: failed dependencies, only-if-changed, When guards, a stop.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See PlanExecution.cs.")]
internal sealed partial class PlanExecution
{
    /// <summary>Dependencies failed, only-if-changed and When guards: a report if the task settles without running.</summary>
    private TaskReport? CheckConditions(int i, PlanTask task)
    {
        var preds = graph.PredecessorsOf(i);
        var blockedBy = -1;
        var anyChanged = false;
        foreach (var p in preds)
        {
            var r = reports[p];
            if (blockedBy < 0 && (r.Status == PlanTaskStatus.Failed || (r.Status == PlanTaskStatus.Skipped && r.SkipCause == SkipCause.DependencyFailed)))
            {
                blockedBy = p;
            }

            anyChanged |= r.Status == PlanTaskStatus.Changed;
        }

        if (blockedBy >= 0 && !task.RunsIfDependenciesFailed)
        {
            failureRoot ??= new int[graph.Tasks.Length];
            var blocker = reports[blockedBy];
            var root = blocker.Status == PlanTaskStatus.Failed ? blockedBy : failureRoot[blockedBy];
            failureRoot[i] = root;
            var reason = root == blockedBy
                ? $"dependency '{blocker.Name}' failed"
                : $"dependency '{blocker.Name}' was skipped because '{graph.Tasks[root].Name}' failed";
            return Skipped(task, SkipCause.DependencyFailed, reason);
        }

        if (task.RunsOnlyIfChanged && !anyChanged)
        {
            return Skipped(task, SkipCause.Condition, preds.Length == 0
                ? "only if changed: the task has no dependencies"
                : $"only if changed: no dependency changed ({NameList(preds)})");
        }

        if (task.Guard is { } guard)
        {
            bool pass;
            try
            {
                pass = guard(results);
            }
            catch (Exception ex)
            {
                return new TaskReport(task.Name, PlanTaskStatus.Failed)
                {
                    Error = $"The When guard of task '{task.Name}' threw {ex.GetType().Name}: {ex.Message}",
                    Exception = ex,
                };
            }

            if (!pass)
            {
                return Skipped(task, SkipCause.Condition, task.GuardDescription is { } d ? $"when: '{d}' is false" : "when: the guard returned false");
            }
        }

        return null;
    }

    private string NameList(ReadOnlySpan<int> indexes)
    {
        const int Shown = 3;
        var names = new List<string>(Shown);
        for (var k = 0; k < indexes.Length && k < Shown; k++)
        {
            names.Add(graph.Tasks[indexes[k]].Name);
        }

        var text = string.Join(", ", names);
        return indexes.Length > Shown ? $"{text}, and {indexes.Length - Shown} more" : text;
    }

    private static TaskReport Skipped(PlanTask task, SkipCause cause, string reason) =>
        new(task.Name, PlanTaskStatus.Skipped) { SkipCause = cause, SkipReason = reason };

    private TaskReport NotStarted(PlanTask task) => stop == StopState.Failure
        ? Skipped(task, SkipCause.Stopped, $"not started: task '{stopTask}' failed and the plan stops on errors (stop_all)")
        : new TaskReport(task.Name, PlanTaskStatus.Cancelled) { SkipCause = SkipCause.Cancelled, SkipReason = "not started: the run was cancelled" };
}

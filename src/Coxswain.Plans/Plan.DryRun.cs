namespace Coxswain.Plans;

/// <summary>Dry runs: waves and predictions, nothing executed.</summary>
public sealed partial class Plan
{
    /// <summary>
    /// Computes what a run would do without running anything: the waves (tasks that can run
    /// together, in order) and, for each task, the operation's <see cref="IOperation.CheckAsync"/>
    /// answer, combined with only-if-changed (a task none of whose dependencies would change would
    /// be skipped). When guards cannot be evaluated in advance and are shown as conditions.
    /// </summary>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <exception cref="PlanValidationException">The plan is not valid.</exception>
    public async Task<DryRunResult> DryRunAsync(CancellationToken cancellationToken = default)
    {
        var graph = Compile();
        var n = graph.Tasks.Length;
        var level = new int[n];
        var outcomes = new DryRunOutcome[n];
        var order = TopologicalOrder(graph);
        var results = new PlanResults(new TaskReport[n], new bool[n], graph.Index);
        var byWave = new SortedDictionary<int, List<(int Index, DryRunTask Task)>>();
        foreach (var i in order)
        {
            var task = graph.Tasks[i];
            var anyWouldChange = false;
            var anyUnknown = false;
            foreach (var p in graph.PredecessorsOf(i))
            {
                level[i] = Math.Max(level[i], level[p] + 1);
                anyWouldChange |= outcomes[p] == DryRunOutcome.WouldChange;
                anyUnknown |= outcomes[p] == DryRunOutcome.Unknown;
            }

            DryRunOutcome outcome;
            string reason;
            if (task.RunsOnlyIfChanged && !anyWouldChange && !anyUnknown)
            {
                (outcome, reason) = (DryRunOutcome.WouldSkip, "no dependency would change");
            }
            else
            {
                var context = new TaskContext(task, results, Options.TimeProvider, Options.Engines, null, isDryRun: true);
                CheckResult check;
                try
                {
                    check = await task.Operation.CheckAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    check = CheckResult.Unknown($"the check failed: {ex.Message}");
                }

                (outcome, reason) = check.Outcome switch
                {
                    CheckOutcome.WouldChange => (DryRunOutcome.WouldChange, check.Reason),
                    CheckOutcome.NoChange => (DryRunOutcome.NoChange, check.Reason),
                    _ => (DryRunOutcome.Unknown, check.Reason),
                };
            }

            outcomes[i] = outcome;
            if (!byWave.TryGetValue(level[i], out var list))
            {
                byWave[level[i]] = list = [];
            }

            list.Add((i, new DryRunTask(task.Name, task.Operation.Kind, outcome, reason, Conditions(task))));
        }

        var waves = byWave.Select(w => new DryRunWave(w.Key + 1, w.Value.OrderBy(t => t.Index).Select(t => t.Task).ToList())).ToList();
        return new DryRunResult(Name, Options.Direction, waves);
    }

    private static List<string> Conditions(PlanTask task)
    {
        var conditions = new List<string>();
        if (task.RunsOnlyIfChanged)
        {
            conditions.Add("only if changed");
        }

        if (task.Guard is not null)
        {
            conditions.Add($"when: {task.GuardDescription ?? "custom guard"}");
        }

        if (task.RunsIfDependenciesFailed)
        {
            conditions.Add("even if dependencies failed");
        }

        if (task.Target is { } target)
        {
            conditions.Add($"target: {target}");
        }

        return conditions;
    }

    private static int[] TopologicalOrder(CompiledPlan graph)
    {
        var n = graph.Tasks.Length;
        var waiting = new int[n];
        var ready = new IntMinHeap(n);
        for (var i = 0; i < n; i++)
        {
            waiting[i] = graph.PredStart[i + 1] - graph.PredStart[i];
            if (waiting[i] == 0)
            {
                ready.Push(i);
            }
        }

        var order = new int[n];
        var count = 0;
        while (ready.Count > 0)
        {
            var i = ready.Pop();
            order[count++] = i;
            foreach (var s in graph.SuccessorsOf(i))
            {
                if (--waiting[s] == 0)
                {
                    ready.Push(s);
                }
            }
        }

        return order;
    }
}

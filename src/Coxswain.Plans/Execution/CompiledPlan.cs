namespace Coxswain.Plans;

/// <summary>
/// A validated plan as arrays: tasks in insertion order, and predecessor/successor lists (in the
/// walk's direction) in compressed form, so a run schedules in O(tasks + edges).
/// </summary>
internal sealed class CompiledPlan
{
    private CompiledPlan(PlanTask[] tasks, IReadOnlyDictionary<string, int> index, int[] predStart, int[] preds, int[] succStart, int[] succs)
    {
        Tasks = tasks;
        Index = index;
        PredStart = predStart;
        Preds = preds;
        SuccStart = succStart;
        Succs = succs;
    }

    public PlanTask[] Tasks { get; }

    public IReadOnlyDictionary<string, int> Index { get; }

    /// <summary>Predecessors of i (what must finish first) are Preds[PredStart[i]..PredStart[i+1]].</summary>
    public int[] PredStart { get; }

    public int[] Preds { get; }

    /// <summary>Successors of i (what waits for it) are Succs[SuccStart[i]..SuccStart[i+1]].</summary>
    public int[] SuccStart { get; }

    public int[] Succs { get; }

    public ReadOnlySpan<int> PredecessorsOf(int i) => Preds.AsSpan(PredStart[i], PredStart[i + 1] - PredStart[i]);

    public ReadOnlySpan<int> SuccessorsOf(int i) => Succs.AsSpan(SuccStart[i], SuccStart[i + 1] - SuccStart[i]);

    /// <summary>Builds the arrays, or adds every problem found to <paramref name="errors"/> and returns null.</summary>
    public static CompiledPlan? Build(Plan plan, IReadOnlyList<PlanTask> taskList, IReadOnlyDictionary<string, int> index, PlanDirection direction, List<PlanError> errors)
    {
        var tasks = taskList.ToArray();
        var n = tasks.Length;
        var depStart = new int[n + 1];
        var edgeCount = 0;
        for (var i = 0; i < n; i++)
        {
            depStart[i] = edgeCount;
            edgeCount += tasks[i].Dependencies.Count;
        }

        depStart[n] = edgeCount;
        var deps = new int[edgeCount];
        var errorCount = errors.Count;
        for (var i = 0; i < n; i++)
        {
            var names = tasks[i].Dependencies;
            for (var k = 0; k < names.Count; k++)
            {
                if (index.TryGetValue(names[k], out var d))
                {
                    deps[depStart[i] + k] = d;
                }
                else
                {
                    errors.Add(UnknownDependency(plan.Name, tasks[i].Name, names[k], index.Keys));
                    deps[depStart[i] + k] = -1;
                }
            }
        }

        if (errors.Count > errorCount)
        {
            return null;
        }

        var (dependentStart, dependents) = Invert(n, depStart, deps);
        if (FindCycle(tasks, depStart, deps, dependentStart, dependents) is { } cycle)
        {
            errors.Add(new PlanError(
                $"Dependency cycle: {string.Join(" -> ", cycle)}. A task cannot (even indirectly) depend on itself; remove one of these dependencies.",
                cycle[0]));
            return null;
        }

        return direction == PlanDirection.Forward
            ? new CompiledPlan(tasks, index, depStart, deps, dependentStart, dependents)
            : new CompiledPlan(tasks, index, dependentStart, dependents, depStart, deps);
    }

    private static (int[] Start, int[] Edges) Invert(int n, int[] start, int[] edges)
    {
        var counts = new int[n + 1];
        foreach (var e in edges)
        {
            counts[e + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            counts[i + 1] += counts[i];
        }

        var fill = (int[])counts.Clone();
        var inverted = new int[edges.Length];
        for (var i = 0; i < n; i++)
        {
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                inverted[fill[edges[k]]++] = i;
            }
        }

        return (counts, inverted);
    }

    /// <summary>Kahn's algorithm; if some tasks remain, walks their dependencies to a repeat and returns the cycle's names (a, b, a).</summary>
    private static List<string>? FindCycle(PlanTask[] tasks, int[] depStart, int[] deps, int[] dependentStart, int[] dependents)
    {
        var n = tasks.Length;
        var remaining = new int[n];
        var queue = new int[n];
        int head = 0, tail = 0;
        for (var i = 0; i < n; i++)
        {
            remaining[i] = depStart[i + 1] - depStart[i];
            if (remaining[i] == 0)
            {
                queue[tail++] = i;
            }
        }

        while (head < tail)
        {
            var v = queue[head++];
            for (var k = dependentStart[v]; k < dependentStart[v + 1]; k++)
            {
                if (--remaining[dependents[k]] == 0)
                {
                    queue[tail++] = dependents[k];
                }
            }
        }

        if (tail == n)
        {
            return null;
        }

        var start = Array.FindIndex(remaining, r => r > 0);
        var seenAt = new Dictionary<int, int>();
        var path = new List<int>();
        var node = start;
        while (!seenAt.ContainsKey(node))
        {
            seenAt[node] = path.Count;
            path.Add(node);
            var next = -1;
            for (var k = depStart[node]; k < depStart[node + 1]; k++)
            {
                if (remaining[deps[k]] > 0)
                {
                    next = deps[k];
                    break;
                }
            }

            node = next;
        }

        return [.. path.Skip(seenAt[node]).Select(i => tasks[i].Name), tasks[node].Name];
    }

    private static PlanError UnknownDependency(string planName, string taskName, string missing, IEnumerable<string> known)
    {
        var hint = NameSuggestion.Closest(missing, known) is { } close ? $" Did you mean '{close}'?" : "";
        return new PlanError($"depends on '{missing}', which is not a task in plan '{planName}'.{hint}", taskName);
    }
}

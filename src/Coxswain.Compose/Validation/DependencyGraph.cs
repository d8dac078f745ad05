namespace Coxswain.Compose;

/// <summary>
/// The <c>depends_on</c> graph of a project's services: a deterministic topological order (dependencies first, ties in file
/// order), the reverse order for teardown, dependents, and cycle detection with the path. Dependencies on services that are
/// not in the graph are ignored (validation reports them).
/// </summary>
public sealed class DependencyGraph
{
    private readonly List<string> _order;
    private readonly Dictionary<string, List<string>> _dependencies;
    private readonly Dictionary<string, List<string>> _dependents;

    private DependencyGraph(List<string> order, Dictionary<string, List<string>> dependencies)
    {
        _order = order;
        _dependencies = dependencies;
        _dependents = order.ToDictionary(name => name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var name in order)
        {
            foreach (var dependency in dependencies[name])
            {
                _dependents[dependency].Add(name);
            }
        }
    }

    /// <summary>The graph of some services (usually <see cref="ComposeProject.Services"/> or a selection of them).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The graph.</returns>
    public static DependencyGraph Create(IEnumerable<ServiceModel> services)
    {
        var list = services.ToList();
        var names = list.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var dependencies = list.ToDictionary(
            s => s.Name,
            s => s.DependsOn.Select(d => d.Service).Where(names.Contains).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        return new DependencyGraph(list.Select(s => s.Name).ToList(), dependencies);
    }

    /// <summary>The services, in file order.</summary>
    public IReadOnlyList<string> Services => _order;

    /// <summary>What a service depends on directly.</summary>
    /// <param name="service">The service.</param>
    /// <returns>Its dependencies.</returns>
    public IReadOnlyList<string> DependenciesOf(string service) => _dependencies.TryGetValue(service, out var list) ? list : [];

    /// <summary>The services that depend on this one directly.</summary>
    /// <param name="service">The service.</param>
    /// <returns>Its dependents.</returns>
    public IReadOnlyList<string> DependentsOf(string service) => _dependents.TryGetValue(service, out var list) ? list : [];

    /// <summary>Every service that depends on this one, directly or not, in topological order.</summary>
    /// <param name="service">The service.</param>
    /// <returns>Its transitive dependents.</returns>
    public IReadOnlyList<string> TransitiveDependentsOf(string service)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DependentsOf(service));
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var dependent in DependentsOf(next))
                {
                    pending.Push(dependent);
                }
            }
        }

        return TryTopologicalOrder(out var order) ? order.Where(seen.Contains).ToList() : seen.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Dependencies before dependents; among services that are ready together, file order.</summary>
    /// <returns>The order.</returns>
    /// <exception cref="InvalidOperationException">When there is a cycle (the message shows it).</exception>
    public IReadOnlyList<string> TopologicalOrder() =>
        TryTopologicalOrder(out var order) ? order : throw new InvalidOperationException($"dependency cycle: {string.Join(" -> ", FindCycle()!)}");

    /// <summary>The reverse of <see cref="TopologicalOrder"/>: dependents before their dependencies (for stopping).</summary>
    /// <returns>The order.</returns>
    public IReadOnlyList<string> ReverseTopologicalOrder()
    {
        var order = TopologicalOrder().ToList();
        order.Reverse();
        return order;
    }

    /// <summary>A topological order, or false when there is a cycle.</summary>
    /// <param name="order">The order.</param>
    /// <returns>Whether there is no cycle.</returns>
    public bool TryTopologicalOrder(out IReadOnlyList<string> order)
    {
        var remaining = _order.ToDictionary(name => name, name => _dependencies[name].Count, StringComparer.Ordinal);
        var result = new List<string>(_order.Count);
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var name in _order)
            {
                if (remaining.TryGetValue(name, out var count) && count == 0)
                {
                    remaining.Remove(name);
                    result.Add(name);
                    foreach (var dependent in _dependents[name])
                    {
                        remaining[dependent]--;
                    }

                    progress = true;
                    break;
                }
            }
        }

        order = result;
        return remaining.Count == 0;
    }

    /// <summary>One cycle as a path that ends where it starts (<c>["a", "b", "a"]</c>), or null. A self-dependency is <c>["a", "a"]</c>.</summary>
    /// <returns>The cycle.</returns>
    public IReadOnlyList<string>? FindCycle() => FindCycles() is [var first, ..] ? first : null;

    /// <summary>Every elementary cycle found by one depth-first walk in file order, each reported once.</summary>
    /// <returns>The cycles.</returns>
    public IReadOnlyList<IReadOnlyList<string>> FindCycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var name in _order)
        {
            Visit(name, state, stack, cycles);
        }

        return cycles;
    }

    private void Visit(string name, Dictionary<string, int> state, List<string> stack, List<IReadOnlyList<string>> cycles)
    {
        const int Visiting = 1, Done = 2;
        if (state.GetValueOrDefault(name) == Done)
        {
            return;
        }

        state[name] = Visiting;
        stack.Add(name);
        foreach (var dependency in _dependencies[name])
        {
            if (state.GetValueOrDefault(dependency) == Visiting)
            {
                var start = stack.IndexOf(dependency);
                cycles.Add([.. stack.Skip(start), dependency]);
            }
            else
            {
                Visit(dependency, state, stack, cycles);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[name] = Done;
    }
}

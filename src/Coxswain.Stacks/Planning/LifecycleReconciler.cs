using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>The pure decision of <c>start</c>, <c>stop</c> and <c>restart</c> over existing containers, in dependency order
/// (stop: dependents first; start and restart: dependencies first). Nothing is created or removed.</summary>
public static class LifecycleReconciler
{
    /// <summary>Plans the action.</summary>
    /// <param name="project">The project (dependencies, stop_grace_period).</param>
    /// <param name="observed">What exists.</param>
    /// <param name="action">Start, stop or restart.</param>
    /// <param name="services">Only these services (empty = all).</param>
    /// <param name="timeout">Stop timeout over stop_grace_period (<c>-t</c>).</param>
    /// <returns>The plan.</returns>
    public static StackPlan Plan(ComposeProject project, ObservedStack observed, LifecycleAction action, IReadOnlyCollection<string>? services = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(observed);
        var graph = DependencyGraph.Create(project.Services);
        var order = action == LifecycleAction.Stop ? graph.ReverseTopologicalOrder() : graph.TopologicalOrder();
        var related = action == LifecycleAction.Stop ? (Func<string, IReadOnlyList<string>>)graph.DependentsOf : graph.DependenciesOf;
        var last = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var operations = new List<StackOperation>();
        foreach (var name in order.Where(n => services is null || services.Count == 0 || services.Contains(n)))
        {
            var service = project.FindService(name)!;
            var after = related(name).SelectMany(d => last.GetValueOrDefault(d) ?? []).ToList();
            var ids = new List<string>();
            foreach (var container in observed.ContainersOf(name))
            {
                StackOperation? op = action switch
                {
                    LifecycleAction.Stop when container.Running =>
                        new StopContainerOperation(container.Name, name, timeout ?? service.StopGracePeriod, service.StopSignal ?? "SIGTERM", "stop asked"),
                    LifecycleAction.Start when !container.Running => new StartContainerOperation(container.Name, name, "start asked"),
                    LifecycleAction.Restart => new RestartContainerOperation(container.Name, name, timeout ?? service.StopGracePeriod, "restart asked"),
                    _ => null,
                };
                if (op is not null)
                {
                    operations.Add(op with { DependsOn = after });
                    ids.Add(op.Id);
                }
            }

            last[name] = ids;
        }

        var verb = action.ToString().ToLowerInvariant();
        return new StackPlan(verb, project.Name) { Operations = operations };
    }
}

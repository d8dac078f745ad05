using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>
/// The pure decision of <c>down</c>: stop containers in reverse dependency order (dependents first) with each service's
/// stop_grace_period (or <c>-t</c>), remove them, then the project's networks, and its volumes only with <c>-v</c>.
/// With no grace (<c>-t 0</c>) a running container is killed and removed in one engine call.
/// </summary>
public static class DownReconciler
{
    /// <summary>Plans a down.</summary>
    /// <param name="project">The Compose project (services, networks, volumes).</param>
    /// <param name="observed">What exists.</param>
    /// <param name="options">-v, -t, --remove-orphans.</param>
    /// <returns>The plan.</returns>
    public static StackPlan Plan(ComposeProject project, ObservedStack observed, DownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(observed);
        options ??= new DownOptions();
        var warnings = new List<string>();
        var graph = DependencyGraph.Create(project.Services);
        var lastOps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var operations = new List<StackOperation>();
        foreach (var name in graph.ReverseTopologicalOrder())
        {
            var service = project.FindService(name)!;
            var after = graph.DependentsOf(name).SelectMany(d => lastOps.GetValueOrDefault(d) ?? []).ToList();
            lastOps[name] = AddContainers(operations, observed.ContainersOf(name), service, options.Timeout, after, "down");
        }

        var orphans = observed.Containers.Where(c => project.FindService(c.Service) is null).ToList();
        foreach (var orphan in orphans)
        {
            if (options.RemoveOrphans)
            {
                AddContainers(operations, [orphan], null, options.Timeout, [], $"orphan: service \"{orphan.Service}\" is not in the Compose file");
            }
            else
            {
                warnings.Add($"orphan container {orphan.Name} (service \"{orphan.Service}\" is not in the Compose file) is left; remove it with --remove-orphans");
            }
        }

        var removals = operations.OfType<RemoveContainerOperation>().Select(o => o.Id).ToList();
        var keptOrphans = !options.RemoveOrphans && orphans.Count > 0;
        foreach (var network in project.Networks.Where(n => !n.External && observed.Networks.Any(o => o.Name == n.ActualName)))
        {
            if (keptOrphans)
            {
                warnings.Add($"network {network.ActualName} is kept: orphan containers may still use it");
                continue;
            }

            operations.Add(new RemoveNetworkOperation(network.ActualName, "down") { DependsOn = removals });
        }

        if (options.RemoveVolumes)
        {
            foreach (var volume in project.Volumes.Where(v => !v.External && observed.Volumes.Any(o => o.Name == v.ActualName)))
            {
                operations.Add(new RemoveVolumeOperation(volume.ActualName, "down -v") { DependsOn = removals });
            }
        }

        return new StackPlan("down", project.Name) { Operations = operations, Warnings = warnings };
    }

    /// <summary>
    /// Plans a down from labels alone, for when the Compose file is gone: every container labelled with the project is
    /// stopped (with <c>-t</c>, else the engine's default) and removed, all at once since the dependencies are not known,
    /// then the project's labelled networks, and its labelled volumes only with <c>-v</c>.
    /// </summary>
    /// <param name="observed">What exists.</param>
    /// <param name="options">-v and -t (--remove-orphans is implied: without the file every container is removed).</param>
    /// <returns>The plan.</returns>
    public static StackPlan PlanFromLabels(ObservedStack observed, DownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        options ??= new DownOptions();
        var operations = new List<StackOperation>();
        AddContainers(operations, [.. observed.Containers.OrderBy(c => c.Name, StringComparer.Ordinal)], null, options.Timeout, [], "down (by label: no Compose file)");
        var removals = operations.OfType<RemoveContainerOperation>().Select(o => o.Id).ToList();
        foreach (var network in observed.Networks)
        {
            operations.Add(new RemoveNetworkOperation(network.Name, "down (by label)") { DependsOn = removals });
        }

        if (options.RemoveVolumes)
        {
            foreach (var volume in observed.Volumes)
            {
                operations.Add(new RemoveVolumeOperation(volume.Name, "down -v (by label)") { DependsOn = removals });
            }
        }

        return new StackPlan("down", observed.Project) { Operations = operations };
    }

    private static List<string> AddContainers(
        List<StackOperation> operations, IReadOnlyList<ObservedContainer> containers, ServiceModel? service, TimeSpan? timeout, List<string> after, string cause)
    {
        var last = new List<string>();
        foreach (var container in containers)
        {
            var stopTimeout = timeout ?? service?.StopGracePeriod;
            StackOperation? stop = null;
            if (container.Running && stopTimeout == TimeSpan.Zero)
            {
                // No grace: the engine kills and removes in one call (docker rm -f), so no separate stop.
                var kill = new RemoveContainerOperation(container.Name, container.Service, TimeSpan.Zero, $"{cause} (no grace: killed and removed at once)") { DependsOn = after };
                operations.Add(kill);
                last.Add(kill.Id);
                continue;
            }

            if (container.Running)
            {
                var signal = service?.StopSignal ?? "SIGTERM";
                var detail = stopTimeout is { } t ? $"{signal}, kill after {t.TotalSeconds:0.###} s" : $"{signal}, kill after the engine's default";
                stop = new StopContainerOperation(container.Name, container.Service, stopTimeout, signal, $"{cause} ({detail})") { DependsOn = after };
                operations.Add(stop);
            }

            var remove = new RemoveContainerOperation(container.Name, container.Service, stopTimeout, cause) { DependsOn = stop is null ? after : [stop.Id] };
            operations.Add(remove);
            last.Add(stop?.Id ?? remove.Id);
        }

        return last;
    }
}

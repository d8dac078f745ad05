namespace Coxswain.Stacks;

/// <summary>Orphans, networks, volumes, images and the final waits.</summary>
public static partial class UpReconciler
{
    private static void PlanOrphans(PlanState state, bool remove)
    {
        var known = state.Desired.Project.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in state.Observed.Containers.Where(c => !known.Contains(c.Service)))
        {
            var why = $"service \"{orphan.Service}\" is not in the Compose file";
            if (remove)
            {
                state.Operations.Add(new RemoveContainerOperation(orphan.Name, orphan.Service, null, "orphan: " + why));
            }
            else
            {
                state.Warnings.Add($"orphan container {orphan.Name} ({why}); remove it with --remove-orphans");
            }
        }
    }

    private static List<StackOperation> PlanResources(PlanState state)
    {
        var result = new List<StackOperation>();
        var networks = state.Observed.Networks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var network in state.Desired.Networks.Where(n => !networks.Contains(n.Name)))
        {
            result.Add(new CreateNetworkOperation(network, "missing"));
        }

        var volumes = state.Observed.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var volume in state.Desired.Volumes.Where(v => !volumes.Contains(v.Name)))
        {
            result.Add(new CreateVolumeOperation(volume, "missing"));
        }

        return result;
    }

    private static List<StackOperation> PlanImages(PlanState state, List<StackOperation> containerOps)
    {
        var creating = containerOps.OfType<CreateContainerOperation>().Select(o => o.Container)
            .Concat(containerOps.OfType<RecreateContainerOperation>().Select(o => o.Container))
            .Select(c => c.Spec.Image).ToHashSet(StringComparer.Ordinal);
        var result = new List<StackOperation>();
        foreach (var image in state.Desired.Images.Where(i => creating.Contains(i.Reference)))
        {
            var present = state.Observed.PresentImages.Contains(image.Reference);
            var usedBy = $"used by {string.Join(", ", image.Services)}";
            if (image.Build is not null && (!present || image.PullPolicy == "build"))
            {
                result.Add(new BuildImageOperation(image, (present ? "pull_policy: build" : "not built yet") + "; " + usedBy));
            }
            else if (!present)
            {
                result.Add(new PullImageOperation(image, "not present locally; " + usedBy));
            }
            else if (image.PullPolicy == "always")
            {
                result.Add(new PullImageOperation(image, "pull_policy: always; " + usedBy));
            }
        }

        return result;
    }

    private static StackOperation WithResourceDependencies(StackOperation op, List<StackOperation> resources, List<StackOperation> images)
    {
        if (op is not (CreateContainerOperation or RecreateContainerOperation))
        {
            return op;
        }

        var container = op is CreateContainerOperation c ? c.Container : ((RecreateContainerOperation)op).Container;
        var needs = new List<string>();
        needs.AddRange(images.Where(i => ImageOf(i) == container.Spec.Image).Select(i => i.Id));
        needs.AddRange(resources.OfType<CreateNetworkOperation>().Where(n => container.Spec.Networks.Any(a => a.Network == n.Spec.Name)).Select(n => n.Id));
        needs.AddRange(resources.OfType<CreateVolumeOperation>().Where(v => container.Spec.Mounts.Any(m => m.Source == v.Spec.Name)).Select(v => v.Id));
        return needs.Count == 0 ? op : op with { DependsOn = [.. needs, .. op.DependsOn] };
    }

    private static string ImageOf(StackOperation op) => op switch
    {
        PullImageOperation p => p.Image.Reference,
        BuildImageOperation b => b.Image.Reference,
        _ => "",
    };

    private static IEnumerable<StackOperation> FinalWaits(PlanState state, List<StackOperation> operations)
    {
        foreach (var service in state.Desired.Services)
        {
            var condition = service.Healthcheck is { Disabled: false, Test.Count: > 0 } ? WaitCondition.Healthy : WaitCondition.Running;
            var containers = state.Desired.Containers.Where(c => c.Service.Name == service.Name).Select(c => c.Name).ToList();
            var wait = new WaitOperation(service.Name, condition, containers, "--wait")
            {
                DependsOn = state.ServiceReady.GetValueOrDefault(service.Name) ?? [],
            };
            if (containers.Count > 0 && !operations.Any(o => o.Id == wait.Id))
            {
                yield return wait;
            }
        }
    }

    private sealed class PlanState(DesiredStack desired, ObservedStack observed)
    {
        public DesiredStack Desired { get; } = desired;

        public ObservedStack Observed { get; } = observed;

        public List<StackOperation> Operations { get; } = [];

        public List<string> Warnings { get; } = [];

        public List<string> UpToDate { get; } = [];

        public HashSet<string> Replaced { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> ServiceReady { get; } = new(StringComparer.Ordinal);
    }
}

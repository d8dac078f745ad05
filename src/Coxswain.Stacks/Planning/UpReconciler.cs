using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>
/// The pure decision of <c>up</c>: desired + observed → <see cref="StackPlan"/>. No engine, no clock. Images first (so a
/// failed pull leaves nothing half-created), then networks and volumes, then each service in dependency order: waits on
/// its dependencies' conditions, then create / recreate (config hash drifted) / start / restart per slot, slots beyond the
/// scale removed; orphans removed only when asked.
/// </summary>
public static partial class UpReconciler
{
    /// <summary>Plans an up.</summary>
    /// <param name="desired">What should exist.</param>
    /// <param name="observed">What exists.</param>
    /// <param name="options">Orphans and --wait.</param>
    /// <returns>The plan.</returns>
    public static StackPlan Plan(DesiredStack desired, ObservedStack observed, UpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        options ??= new UpOptions();
        var state = new PlanState(desired, observed);
        var graph = DependencyGraph.Create(desired.Services);
        var order = graph.TopologicalOrder();
        foreach (var name in order)
        {
            PlanService(state, desired.Services.First(s => s.Name == name));
        }

        PlanOrphans(state, options.RemoveOrphans);
        var containerOps = state.Operations.ToList();
        var resources = PlanResources(state);
        var images = PlanImages(state, containerOps);
        var imageIds = images.Select(i => i.Id).ToArray();
        resources = resources.Select(r => r with { DependsOn = imageIds }).ToList();
        var operations = new List<StackOperation>(images);
        operations.AddRange(resources);
        operations.AddRange(containerOps.Select(op => WithResourceDependencies(op, resources, images)));
        if (options.Wait)
        {
            operations.AddRange(FinalWaits(state, operations));
        }

        return new StackPlan("up", desired.Name)
        {
            Operations = operations,
            Warnings = [.. desired.Warnings, .. state.Warnings],
            UpToDate = state.UpToDate,
        };
    }

    private static void PlanService(PlanState state, ServiceModel service)
    {
        var desired = state.Desired.Containers.Where(c => c.Service.Name == service.Name).ToList();
        var observed = state.Observed.ContainersOf(service.Name);
        var ops = new List<StackOperation>();
        var restartDependency = service.DependsOn.FirstOrDefault(d => d.Restart && state.Replaced.Contains(d.Service));
        foreach (var container in desired)
        {
            var existing = observed.FirstOrDefault(c => c.Slot == container.Slot) ?? observed.FirstOrDefault(c => c.Name == container.Name);
            if (existing is null)
            {
                ops.Add(new CreateContainerOperation(container, "missing"));
                ops.Add(new StartContainerOperation(container.Name, service.Name, "created") { DependsOn = [ops[^1].Id] });
            }
            else if (existing.ConfigHash != container.ConfigHash)
            {
                var cause = $"config changed: {ObservedContainer.ShortHash(existing.ConfigHash)} -> {ObservedContainer.ShortHash(container.ConfigHash)}";
                ops.Add(new RecreateContainerOperation(existing, container, cause));
                ops.Add(new StartContainerOperation(container.Name, service.Name, "recreated") { DependsOn = [ops[^1].Id] });
            }
            else if (!existing.Running)
            {
                ops.Add(new StartContainerOperation(container.Name, service.Name, StoppedCause(existing)));
            }
            else if (restartDependency is not null)
            {
                ops.Add(new RestartContainerOperation(
                    container.Name, service.Name, service.StopGracePeriod, $"{restartDependency.Service} was replaced (depends_on restart: true)"));
            }
        }

        foreach (var extra in observed.Where(c => !desired.Any(d => d.Slot == c.Slot || d.Name == c.Name)))
        {
            ops.Add(new RemoveContainerOperation(extra.Name, service.Name, service.StopGracePeriod, $"scaled to {desired.Count}"));
        }

        if (ops.Count == 0)
        {
            state.UpToDate.Add(service.Name);
            return;
        }

        if (ops.Any(o => o is CreateContainerOperation or RecreateContainerOperation))
        {
            state.Replaced.Add(service.Name);
        }

        var waits = DependencyWaits(state, service);
        foreach (var op in ops)
        {
            var gated = op is CreateContainerOperation or RecreateContainerOperation or RestartContainerOperation
                || (op is StartContainerOperation && op.DependsOn.Count == 0);
            state.Operations.Add(gated && waits.Count > 0 ? op with { DependsOn = [.. op.DependsOn, .. waits] } : op);
        }

        state.ServiceReady[service.Name] = ops.Where(o => o is StartContainerOperation or RestartContainerOperation).Select(o => o.Id).ToList();
    }

    private static List<string> DependencyWaits(PlanState state, ServiceModel service)
    {
        var waits = new List<string>();
        foreach (var dependency in service.DependsOn.Where(d => state.Desired.Services.Any(s => s.Name == d.Service)))
        {
            var condition = WaitConditions.From(dependency.Condition);
            var containers = state.Desired.Containers.Where(c => c.Service.Name == dependency.Service).Select(c => c.Name).ToList();
            var wait = new WaitOperation(dependency.Service, condition, containers, $"{service.Name} depends on it")
            {
                DependsOn = state.ServiceReady.GetValueOrDefault(dependency.Service) ?? [],
            };
            if (!state.Operations.Any(o => o.Id == wait.Id))
            {
                state.Operations.Add(wait);
            }

            waits.Add(wait.Id);
        }

        return waits;
    }

    private static string StoppedCause(ObservedContainer container) => container.State.Status switch
    {
        Engine.ContainerStatus.Created => "created, never started",
        _ => $"not running (exit {container.State.ExitCode})",
    };
}

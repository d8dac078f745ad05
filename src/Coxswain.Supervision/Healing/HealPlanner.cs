using Coxswain.Compose;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>
/// The pure decision of one heal: desired + observed + the service to heal + the dependents to restart after it →
/// a <see cref="StackPlan"/> for the one DAG executor. Waits on the service's dependencies' conditions first; then per slot
/// create (removed behind our back), start (exited, created) or restart (running but unhealthy, with the
/// stop_grace_period); then, once the service is ready (healthy with a probe, else running), restarts the dependents
/// that declared <c>restart: true</c>, each after the service it depends on. Nothing else is touched.
/// </summary>
public static class HealPlanner
{
    /// <summary>Plans the heal of <paramref name="service"/>.</summary>
    /// <param name="desired">The whole stack as it should be.</param>
    /// <param name="observed">What exists now.</param>
    /// <param name="service">The service to heal.</param>
    /// <param name="cause">Why, for each operation ("crashed (exit 1), attempt 3 of 10").</param>
    /// <param name="dependents">Dependents to restart once it is ready (running ones with <c>restart: true</c>), in dependency order.</param>
    /// <returns>The plan.</returns>
    public static StackPlan Plan(DesiredStack desired, ObservedStack observed, string service, string cause, IReadOnlyList<string>? dependents = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var model = desired.Services.FirstOrDefault(s => s.Name == service)
            ?? throw new ArgumentException($"no service \"{service}\" in stack \"{desired.Name}\"", nameof(service));
        var operations = new List<StackOperation>();
        var waits = DependencyWaits(desired, model, operations);
        var started = new List<string>();
        foreach (var container in desired.Containers.Where(c => c.Service.Name == service))
        {
            var existing = observed.ContainersOf(service).FirstOrDefault(c => c.Name == container.Name)
                ?? observed.ContainersOf(service).FirstOrDefault(c => c.Slot == container.Slot);
            StackOperation op;
            if (existing is null)
            {
                var create = new CreateContainerOperation(container, cause + "; the container was missing") { DependsOn = waits };
                operations.Add(create);
                op = new StartContainerOperation(container.Name, service, "created") { DependsOn = [create.Id] };
            }
            else if (existing.Running)
            {
                op = new RestartContainerOperation(existing.Name, service, model.StopGracePeriod, cause) { DependsOn = waits };
            }
            else
            {
                op = new StartContainerOperation(existing.Name, service, cause) { DependsOn = waits };
            }

            operations.Add(op);
            started.Add(op.Id);
        }

        if (dependents is { Count: > 0 })
        {
            PlanDependents(desired, observed, model, started, dependents, operations);
        }

        return new StackPlan("heal", desired.Name) { Operations = operations };
    }

    private static List<string> DependencyWaits(DesiredStack desired, ServiceModel model, List<StackOperation> operations)
    {
        var waits = new List<string>();
        foreach (var dependency in model.DependsOn.Where(d => desired.Services.Any(s => s.Name == d.Service)))
        {
            var names = desired.Containers.Where(c => c.Service.Name == dependency.Service).Select(c => c.Name).ToList();
            var wait = new WaitOperation(dependency.Service, WaitConditions.From(dependency.Condition), names, $"{model.Name} depends on it");
            operations.Add(wait);
            waits.Add(wait.Id);
        }

        return waits;
    }

    private static void PlanDependents(DesiredStack desired, ObservedStack observed, ServiceModel model, List<string> started, IReadOnlyList<string> dependents, List<StackOperation> operations)
    {
        var ready = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [model.Name] = ReadyWait(desired, model, started, operations),
        };
        foreach (var name in dependents)
        {
            var dependent = desired.Services.FirstOrDefault(s => s.Name == name);
            if (dependent is null)
            {
                continue;
            }

            var after = dependent.DependsOn.Where(d => d.Restart && ready.ContainsKey(d.Service)).ToList();
            if (after.Count == 0)
            {
                continue;
            }

            var restarts = new List<string>();
            var because = string.Join(", ", after.Select(d => d.Service));
            foreach (var container in observed.ContainersOf(name).Where(c => c.Running))
            {
                var op = new RestartContainerOperation(container.Name, name, dependent.StopGracePeriod, $"{because} was restarted (depends_on restart: true)")
                {
                    DependsOn = [.. after.Select(d => ready[d.Service])],
                };
                operations.Add(op);
                restarts.Add(op.Id);
            }

            if (restarts.Count > 0 && dependents.Any(other => desired.Services.FirstOrDefault(s => s.Name == other)?.DependsOn.Any(d => d.Service == name && d.Restart) == true))
            {
                ready[name] = ReadyWait(desired, dependent, restarts, operations);
            }
        }
    }

    private static string ReadyWait(DesiredStack desired, ServiceModel model, List<string> after, List<StackOperation> operations)
    {
        var condition = HealthProbe.FromCompose(model.Healthcheck) is null ? WaitCondition.Running : WaitCondition.Healthy;
        var names = desired.Containers.Where(c => c.Service.Name == model.Name).Select(c => c.Name).ToList();
        var wait = new WaitOperation(model.Name, condition, names, "its dependents restart once it is ready") { DependsOn = after };
        operations.Add(wait);
        return wait.Id;
    }
}

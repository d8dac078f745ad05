using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>Taking a stack over: adopt by label, converge in dependency order with health gating, report.</summary>
public sealed partial class Supervisor
{
    private async Task<AdoptionReport> AdoptAsync(ComposeProject project, IReadOnlyDictionary<string, RestartTrackerState> persisted)
    {
        var settings = SettingsOf(project);
        var full = DesiredStateBuilder.Build(project, new StackSelection { Epoch = _options.Epoch });
        var services = full.Services.ToDictionary(
            s => s.Name,
            s => new ServiceRuntime(project.Name, s, new RestartTracker(settings[s.Name], s.Restart, persisted.GetValueOrDefault(s.Name))),
            StringComparer.Ordinal);
        if (_stacks.Remove(project.Name, out var previous))
        {
            foreach (var service in previous.Services.Values)
            {
                service.Generation++;
                await StopProbesAsync(service).ConfigureAwait(false);
            }
        }

        var stack = new StackRuntime(project, full, services);
        _stacks[project.Name] = stack;
        var resumed = new List<string>();
        foreach (var operation in _store.InFlight().Where(o => o.Project == project.Name))
        {
            resumed.Add(operation.What);
            _store.EndOperation(operation.Id);
        }

        var observed = await StackObserver.ObserveAsync(_engine, project.Name, full.Images.Select(i => i.Reference), _stop.Token).ConfigureAwait(false);
        var foreign = await ForeignAsync(full).ConfigureAwait(false);
        var eligible = Eligible(stack);
        var report = new AdoptionReport(project.Name)
        {
            LeftAlone = foreign,
            Resumed = resumed,
            NotStarted = [.. services.Keys.Where(s => !eligible.Contains(s))],
        };
        if (eligible.Count > 0)
        {
            var desired = DesiredStateBuilder.Build(project, new StackSelection { Services = eligible, Epoch = _options.Epoch });
            var plan = UpReconciler.Plan(desired, observed, new UpOptions { RemoveOrphans = true });
            foreach (var service in services.Values)
            {
                service.Busy = true;
            }

            var result = await new StackExecutor(_engine, project, ExecutorOptions()).RunAsync(plan, _stop.Token).ConfigureAwait(false);
            foreach (var service in services.Values)
            {
                service.Busy = false;
            }

            report = Describe(report, observed, plan, result);
        }
        else
        {
            report = report with { Adopted = [.. observed.Containers.Select(c => c.Name)] };
        }

        var now = _time.GetUtcNow();
        foreach (var service in services.Values)
        {
            service.LastActionEnd = now;
        }

        PublishStates();
        var fresh = await StackObserver.ObserveAsync(_engine, project.Name, null, _stop.Token).ConfigureAwait(false);
        foreach (var name in DependencyGraph.Create(full.Services).TopologicalOrder())
        {
            await CheckServiceAsync(stack, services[name], fresh).ConfigureAwait(false);
        }

        Emit(SupervisorEventKind.StackAdopted, project.Name, null, report.ToText());
        return report;
    }

    /// <summary>Services to bring back, in dependency order: not stopped by a person, not failed, and every required dependency brought back too.</summary>
    private static List<string> Eligible(StackRuntime stack)
    {
        var eligible = new List<string>();
        foreach (var name in DependencyGraph.Create(stack.Desired.Services).TopologicalOrder())
        {
            var service = stack.Services[name];
            if (service.Tracker.State is { UserStopped: false, Failed: false }
                && service.Model.DependsOn.All(d => !d.Required || !stack.Services.ContainsKey(d.Service) || eligible.Contains(d.Service)))
            {
                eligible.Add(name);
            }
        }

        return eligible;
    }

    /// <summary>Containers that carry a name this stack would use but not its project label: not ours.</summary>
    private async Task<List<string>> ForeignAsync(DesiredStack full)
    {
        var names = full.Containers.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var all = await _engine.ListContainersAsync(new ContainerListOptions(), _stop.Token).ConfigureAwait(false);
        return [.. all.Where(c => names.Contains(c.Name.TrimStart('/')) && c.Labels.GetValueOrDefault(StackLabels.Project) != full.Name)
            .Select(c => c.Name.TrimStart('/')).Order(StringComparer.Ordinal)];
    }

    private static AdoptionReport Describe(AdoptionReport report, ObservedStack observed, StackPlan plan, StackRunResult result)
    {
        var recreated = plan.Operations.OfType<RecreateContainerOperation>().Select(o => o.Container.Name).ToList();
        var removed = plan.Operations.OfType<RemoveContainerOperation>().Select(o => o.Container).ToList();
        var created = plan.Operations.OfType<CreateContainerOperation>().Select(o => o.Container.Name).ToList();
        var started = plan.Operations.OfType<StartContainerOperation>().Where(o => o.Cause is not "created" and not "recreated").Select(o => o.Container).ToList();
        var adopted = observed.Containers.Select(c => c.Name).Where(n => !recreated.Contains(n) && !removed.Contains(n)).ToList();
        return report with
        {
            Adopted = adopted,
            Recreated = recreated,
            Removed = removed,
            Created = created,
            Started = started,
            Errors = result.Errors,
        };
    }

    private StackExecutorOptions ExecutorOptions() => new()
    {
        TimeProvider = _time,
        WaitTimeout = _options.WaitTimeout,
        LogTailLines = _options.LogTailLines,
    };
}

using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>Acting: heal a service once its dependencies are ready, restart its <c>restart: true</c> dependents after it.</summary>
public sealed partial class Supervisor
{
    private async Task BeginHealAsync(StackRuntime stack, ServiceRuntime service)
    {
        if (_engineDownSince is not null)
        {
            WaitForEngine(stack, service, "its event stream is down");
            return;
        }

        if (NotReadyDependency(stack, service) is { } blocked)
        {
            if (service.State.Status != ServiceStatus.WaitingForDependency)
            {
                SetState(service, service.State with { Status = ServiceStatus.WaitingForDependency, WaitingFor = blocked.Name });
                Emit(SupervisorEventKind.StateChanged, stack.Name, service, $"{service.Name}: waiting for {blocked.Name} ({blocked.State.Describe(_time.GetUtcNow())}) before restarting");
            }

            return;
        }

        service.Busy = true;
        await StopProbesAsync(service).ConfigureAwait(false);
        var dependents = RestartDependents(stack, service);
        foreach (var dependent in dependents)
        {
            dependent.Busy = true;
            await StopProbesAsync(dependent).ConfigureAwait(false);
        }

        SetState(service, service.State with { Status = ServiceStatus.Healing });
        var reason = service.PendingReason;
        ObservedStack observed;
        try
        {
            observed = await StackObserver.ObserveListedAsync(_engine, stack.Name, _stop.Token).ConfigureAwait(false);
        }
        catch (EngineException ex)
        {
            foreach (var s in dependents.Append(service))
            {
                s.Busy = false;
            }

            HoldForEngine(stack, service, dependents, ex.Message);
            return;
        }

        var plan = HealPlanner.Plan(stack.Desired, observed, service.Name, reason, [.. dependents.Select(d => d.Name)]);
        var operation = _store.BeginOperation(stack.Name, service.Name, $"heal {service.Name}: {reason}", _time.GetUtcNow());
        _ = Task.Run(async () =>
        {
            StackRunResult? result = null;
            string? error = null;
            try
            {
                result = await new StackExecutor(_engine, stack.Project, ExecutorOptions()).RunAsync(plan, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                error = ex.Message;
            }

            Post(() => OnHealDoneAsync(stack, service, dependents, operation, reason, result, error));
        }, CancellationToken.None);
    }

    private async Task OnHealDoneAsync(StackRuntime stack, ServiceRuntime service, List<ServiceRuntime> dependents, long operation, string reason, StackRunResult? result, string? error)
    {
        _store.EndOperation(operation);
        var now = _time.GetUtcNow();
        foreach (var s in dependents.Append(service))
        {
            s.Busy = false;
            s.LastActionEnd = now;
        }

        if (_stacks.GetValueOrDefault(stack.Name) != stack)
        {
            return;
        }

        if (result is { Succeeded: true })
        {
            SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Unknown));
            Emit(SupervisorEventKind.Restarted, stack.Name, service, $"restarted {service.Name}: {reason}");
            foreach (var dependent in dependents)
            {
                dependent.Tracker.ResetCounters();
                Save(dependent);
                SetState(dependent, new ServiceState(stack.Name, dependent.Name, ServiceStatus.Unknown));
                Emit(SupervisorEventKind.Restarted, stack.Name, dependent, $"restarted {dependent.Name}: {service.Name} was restarted (depends_on restart: true); its counters reset");
            }

            await CheckServiceAsync(stack, service).ConfigureAwait(false);
            foreach (var dependent in dependents)
            {
                await CheckServiceAsync(stack, dependent).ConfigureAwait(false);
            }

            return;
        }

        var why = error ?? string.Join("; ", result?.Errors ?? []);
        if (_engineDownSince is not null)
        {
            // Failed because the engine went away: not the service's failure; the heal runs again once the engine answers.
            HoldForEngine(stack, service, dependents, why);
            return;
        }

        var container = stack.Desired.Containers.FirstOrDefault(c => c.Service.Name == service.Name)?.Name;
        Emit(SupervisorEventKind.RestartFailed, stack.Name, service, $"restart of {service.Name} failed: {why}");
        SetState(service, service.State with { Status = ServiceStatus.Unknown });
        await OnFailureAsync(stack, service, new Failure(FailureKind.StartFailed, now) { Detail = why, Container = container }).ConfigureAwait(false);
        foreach (var dependent in dependents)
        {
            SetState(dependent, dependent.State with { Status = ServiceStatus.Unknown });
            await CheckServiceAsync(stack, dependent).ConfigureAwait(false);
        }
    }

    /// <summary>A service became ready: clear its counters when its failure was a dependency's, and heal the dependents waiting for it.</summary>
    private async Task OnReadyAsync(StackRuntime stack, ServiceRuntime service)
    {
        if (service.FailedBecauseOf is { } dependency)
        {
            service.FailedBecauseOf = null;
            service.Tracker.ResetCounters();
            Save(service);
            Emit(SupervisorEventKind.CountersReset, stack.Name, service, $"{service.Name}: counters reset: it failed while {dependency} was down, and both are back");
        }

        foreach (var waiting in stack.Services.Values.Where(s => s.State.Status == ServiceStatus.WaitingForDependency && s.State.WaitingFor == service.Name).ToList())
        {
            await BeginHealAsync(stack, waiting).ConfigureAwait(false);
        }
    }

    /// <summary>The first required dependency that does not meet its condition now, or null.</summary>
    private static ServiceRuntime? NotReadyDependency(StackRuntime stack, ServiceRuntime service)
    {
        foreach (var dependency in service.Model.DependsOn.Where(d => d.Required))
        {
            if (!stack.Services.TryGetValue(dependency.Service, out var other))
            {
                continue;
            }

            var ready = dependency.Condition switch
            {
                DependencyCondition.ServiceHealthy => other.Probe is null ? other.IsUp : other.State.Status == ServiceStatus.Healthy,
                DependencyCondition.ServiceStarted => other.IsUp,
                _ => true,
            };
            if (!ready)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Running dependents (transitively) that declared <c>restart: true</c> on a restarted service, in dependency order.</summary>
    private static List<ServiceRuntime> RestartDependents(StackRuntime stack, ServiceRuntime service)
    {
        var result = new List<ServiceRuntime>();
        var restarted = new HashSet<string>(StringComparer.Ordinal) { service.Name };
        foreach (var name in DependencyGraph.Create(stack.Desired.Services).TopologicalOrder())
        {
            var candidate = stack.Services[name];
            if (!restarted.Contains(name) && candidate.IsUp && !candidate.Busy
                && candidate.Model.DependsOn.Any(d => d.Restart && restarted.Contains(d.Service)))
            {
                result.Add(candidate);
                restarted.Add(name);
            }
        }

        return result;
    }
}

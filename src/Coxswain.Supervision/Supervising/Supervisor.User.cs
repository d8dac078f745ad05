using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>User intent: a person's stop is never undone by healing; a person's start clears failed and counters.</summary>
public sealed partial class Supervisor
{
    private async Task<ServiceState> UserStopAsync(ServiceRuntime service)
    {
        var stack = _stacks[service.Project];
        service.Tracker.RecordUserStop();
        Save(service);
        service.Generation++;
        service.Busy = true;
        await StopProbesAsync(service).ConfigureAwait(false);
        SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.StoppedByUser) { LastFailure = service.Tracker.State.LastFailure });
        Emit(SupervisorEventKind.UserStopped, stack.Name, service, $"{service.Name} stopped by user; it stays stopped, across daemon restarts too, until started");
        var operation = _store.BeginOperation(stack.Name, service.Name, $"stop {service.Name} (user)", _time.GetUtcNow());
        try
        {
            var observed = await StackObserver.ObserveAsync(_engine, stack.Name, null, _stop.Token).ConfigureAwait(false);
            var plan = LifecycleReconciler.Plan(stack.Project, observed, LifecycleAction.Stop, [service.Name]);
            var result = await new StackExecutor(_engine, stack.Project, ExecutorOptions()).RunAsync(plan, _stop.Token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"stopping {service.Name} of stack {stack.Name} failed: {string.Join("; ", result.Errors)}; it is marked stopped by user and will not be restarted; stop it again to retry");
            }
        }
        finally
        {
            _store.EndOperation(operation);
            service.Busy = false;
            service.LastActionEnd = _time.GetUtcNow();
        }

        return service.State;
    }

    private async Task<ServiceState> UserStartAsync(ServiceRuntime service)
    {
        var stack = _stacks[service.Project];
        var wasFailed = service.Tracker.State.Failed;
        service.Tracker.RecordUserStart();
        Save(service);
        service.Generation++;
        service.FailedBecauseOf = null;
        Emit(SupervisorEventKind.UserStarted, stack.Name, service, $"{service.Name} started by user{(wasFailed ? "; its failed state and counters are cleared" : "")}");
        if (service.IsUp)
        {
            return service.State;
        }

        service.PendingReason = "started by user";
        SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Restarting) { RestartAt = _time.GetUtcNow() });
        await BeginHealAsync(stack, service).ConfigureAwait(false);
        return service.State;
    }
}

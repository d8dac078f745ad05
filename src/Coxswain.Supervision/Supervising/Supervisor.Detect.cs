using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>Detection: engine events and reconnects trigger an idempotent check of the service; probes report health.</summary>
public sealed partial class Supervisor
{
    private async Task OnEngineEventAsync(EngineEvent e)
    {
        if (!e.Attributes.TryGetValue(StackLabels.Project, out var project) || !_stacks.TryGetValue(project, out var stack)
            || !e.Attributes.TryGetValue(StackLabels.Service, out var name) || !stack.Services.TryGetValue(name, out var service))
        {
            return;
        }

        switch (e.Action)
        {
            case "oom":
                _oomSeen.Add(e.ActorId);
                break;
            case "stop":
                await OnExternalStopAsync(service, e).ConfigureAwait(false);
                break;
            case "die" or "destroy":
                await CheckServiceAsync(stack, service).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Looks at the service's containers and acts on the first failure found; sets the state and probes when all run.</summary>
    private async Task CheckServiceAsync(StackRuntime stack, ServiceRuntime service, ObservedStack? observed = null)
    {
        if (service.Busy || _stacks.GetValueOrDefault(stack.Name) != stack)
        {
            return;
        }

        var tracked = service.Tracker.State;
        if (tracked.UserStopped || tracked.Failed)
        {
            var status = tracked.UserStopped ? ServiceStatus.StoppedByUser : ServiceStatus.Failed;
            if (service.State.Status != status)
            {
                SetState(service, new ServiceState(stack.Name, service.Name, status) { GaveUpAfter = tracked.GaveUpAfter, LastFailure = tracked.LastFailure });
            }

            return;
        }

        if (service.State.Status is ServiceStatus.Restarting or ServiceStatus.WaitingForDependency or ServiceStatus.WaitingForEngine)
        {
            return;
        }

        observed ??= await StackObserver.ObserveAsync(_engine, stack.Name, null, _stop.Token).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        Failure? failure = null;
        var running = new List<ObservedContainer>();
        foreach (var desired in stack.Desired.Containers.Where(c => c.Service.Name == service.Name))
        {
            var existing = observed.Containers.FirstOrDefault(c => c.Name == desired.Name);
            if (existing is null)
            {
                failure ??= new Failure(FailureKind.Removed, now) { Container = desired.Name, Detail = $"container {desired.Name} was removed behind Coxswain's back" };
            }
            else if (existing.Running)
            {
                running.Add(existing);
            }
            else if (failure is null)
            {
                var oom = _oomSeen.Remove(existing.Id) || await OomEvidenceAsync(existing).ConfigureAwait(false);
                failure = FailureClassifier.Classify(existing.State, now, oom)! with { Container = existing.Name };
            }
        }

        if (failure is not null)
        {
            if (service.State.Status == ServiceStatus.Stopped && tracked.LastFailure is { } last && last.At == failure.At && last.Kind == failure.Kind)
            {
                return;
            }

            await OnFailureAsync(stack, service, failure).ConfigureAwait(false);
            return;
        }

        foreach (var container in running)
        {
            EnsureProbe(stack, service, container.Id);
        }

        if (service.Probe is null)
        {
            var since = running.Select(c => c.State.StartedAt ?? now).DefaultIfEmpty(now).Max();
            service.Tracker.RecordHealthy(since);
            if (service.State.Status != ServiceStatus.Running)
            {
                SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Running));
                await OnReadyAsync(stack, service).ConfigureAwait(false);
            }
        }
        else if (service.State.Status is not (ServiceStatus.Healthy or ServiceStatus.Starting))
        {
            SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Starting));
        }
    }

    private async Task<bool> OomEvidenceAsync(ObservedContainer container)
    {
        if (_options.OomEvidence is not { } evidence || container.State.ExitCode != 137 || container.State.OomKilled)
        {
            return false;
        }

        var info = await _engine.InspectContainerAsync(container.Id, _stop.Token).ConfigureAwait(false);
        return await evidence.WasOomKilledAsync(info, _stop.Token).ConfigureAwait(false);
    }

    private void EnsureProbe(StackRuntime stack, ServiceRuntime service, string containerId)
    {
        if (service.Probe is not { } probe || !service.Probed.Add(containerId))
        {
            return;
        }

        var runner = _monitor.Start(containerId, probe);
        _ = Task.Run(async () =>
        {
            var last = HealthStatus.Starting;
            try
            {
                await foreach (var snapshot in runner.WatchAsync(_stop.Token).ConfigureAwait(false))
                {
                    if (snapshot.Status != last && !snapshot.Ended)
                    {
                        last = snapshot.Status;
                        Post(() => OnHealthAsync(stack, service, containerId, snapshot));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }, CancellationToken.None);
    }

    private async Task StopProbesAsync(ServiceRuntime service)
    {
        foreach (var id in service.Probed.ToList())
        {
            await _monitor.StopAsync(id).ConfigureAwait(false);
        }

        service.Probed.Clear();
    }

    private async Task OnHealthAsync(StackRuntime stack, ServiceRuntime service, string containerId, HealthSnapshot snapshot)
    {
        if (service.Busy || !service.Probed.Contains(containerId) || _stacks.GetValueOrDefault(stack.Name) != stack)
        {
            return;
        }

        if (snapshot.Status == HealthStatus.Unhealthy)
        {
            var last = snapshot.LastResult;
            var detail = $"{snapshot.FailingStreak} probes failed in a row; last: exit {last?.ExitCode}: {last?.Output}";
            var name = stack.Desired.Containers.FirstOrDefault(c => c.Service.Name == service.Name)?.Name;
            await OnFailureAsync(stack, service, new Failure(FailureKind.Unhealthy, _time.GetUtcNow()) { Detail = detail, Container = name }, snapshot).ConfigureAwait(false);
        }
        else if (snapshot.Status == HealthStatus.Healthy)
        {
            service.Tracker.RecordHealthy(snapshot.LastResult?.End ?? _time.GetUtcNow());
            Save(service);
            if (service.State.Status != ServiceStatus.Healthy)
            {
                SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Healthy));
                await OnReadyAsync(stack, service).ConfigureAwait(false);
            }
        }
    }

    private async Task OnExternalStopAsync(ServiceRuntime service, EngineEvent e)
    {
        if (!_options.ExternalStopIsUserIntent || service.Busy || service.Tracker.State.UserStopped || e.Time <= service.LastActionEnd || DuringEngineOutage(e.Time))
        {
            return;
        }

        try
        {
            if ((await _engine.InspectContainerAsync(e.ActorId, _stop.Token).ConfigureAwait(false)).State.Running)
            {
                return;
            }
        }
        catch (EngineNotFoundException)
        {
            return;
        }

        service.Tracker.RecordUserStop();
        service.StopInferredAt = e.Time;
        Save(service);
        service.Generation++;
        await StopProbesAsync(service).ConfigureAwait(false);
        SetState(service, new ServiceState(service.Project, service.Name, ServiceStatus.StoppedByUser) { LastFailure = service.Tracker.State.LastFailure });
        Emit(SupervisorEventKind.UserStopped, service.Project, service,
            $"{service.Name}: container {e.ActorName} was stopped outside Coxswain; counted as a person's stop, so it stays stopped until started (cox start {service.Name})");
    }
}

using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>
/// The engine going away and coming back (a restart of dockerd, of Podman's service, of the host). A stopping engine stops
/// every container, and its <c>stop</c> events are not a person's; restarts cannot run while it is down. Once it answers,
/// every service is re-checked in dependency order and the ones that went down with it are healed with the usual gating:
/// nothing starts before its dependencies meet their condition.
/// </summary>
public sealed partial class Supervisor
{
    private const int OutagesKept = 16;
    private static readonly TimeSpan EngineRetryDelay = TimeSpan.FromSeconds(1);

    private async Task OnDisconnectedAsync(EventWatchItem.Disconnected drop)
    {
        _engineDownSince = drop.At;
        var shutdownFrom = drop.At - _options.EngineShutdownWindow;
        foreach (var stack in _stacks.Values.ToList())
        {
            Emit(SupervisorEventKind.EngineDown, stack.Name, null,
                $"the engine's event stream dropped ({drop.Cause.Message}); restarts wait until the engine answers again");
            foreach (var service in stack.Services.Values)
            {
                if (service.StopInferredAt is { } stoppedAt && stoppedAt >= shutdownFrom && service.Tracker.State.UserStopped)
                {
                    await WithdrawInferredStopAsync(stack, service, stoppedAt).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task OnReconnectedAsync(EventWatchItem.Reconnected reconnected)
    {
        _engineDownSince = null;
        _outages.Add((reconnected.DisconnectedAt - _options.EngineShutdownWindow, _time.GetUtcNow()));
        if (_outages.Count > OutagesKept)
        {
            _outages.RemoveAt(0);
        }

        foreach (var stack in _stacks.Values.ToList())
        {
            Emit(SupervisorEventKind.Reconnected, stack.Name, null,
                $"the engine's event stream was down for {DurationText.Format(reconnected.Gap)} ({reconnected.Cause.Message}); re-listed every container");
            var observed = await StackObserver.ObserveAsync(_engine, stack.Name, null, _stop.Token).ConfigureAwait(false);
            foreach (var name in DependencyGraph.Create(stack.Desired.Services).TopologicalOrder())
            {
                var service = stack.Services[name];
                if (service.Busy || _stacks.GetValueOrDefault(stack.Name) != stack)
                {
                    continue;
                }

                // Probes that ran through the outage saw only errors (or ended): start them afresh.
                await StopProbesAsync(service).ConfigureAwait(false);

                if (service.State.Status == ServiceStatus.WaitingForEngine)
                {
                    await BeginHealAsync(stack, service).ConfigureAwait(false);
                }
                else
                {
                    await CheckServiceAsync(stack, service, observed).ConfigureAwait(false);
                }

                if (!service.IsUp && service.Tracker.State.LastFailure is { } failure && DuringEngineOutage(failure.At))
                {
                    // It went down with the engine (or while the stream was down): once it is back, its counters reset.
                    service.FailedBecauseOf ??= "the engine";
                }
            }
        }
    }

    /// <summary>The stop came from the engine shutting down, not from a person: take it back and heal once the engine answers.</summary>
    private async Task WithdrawInferredStopAsync(StackRuntime stack, ServiceRuntime service, DateTimeOffset stoppedAt)
    {
        service.Tracker.WithdrawUserStop();
        service.StopInferredAt = null;
        service.FailedBecauseOf = "the engine";
        service.PendingReason = "it went down with the engine";
        Save(service);
        await StopProbesAsync(service).ConfigureAwait(false);
        SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.WaitingForEngine) { LastFailure = service.Tracker.State.LastFailure });
        Emit(SupervisorEventKind.StateChanged, stack.Name, service,
            $"{service.Name}: its stop at {stoppedAt:HH:mm:ss} came just before the engine went down, so it was the engine's, not a person's; it is brought back once the engine answers");
    }

    /// <summary>A heal could not run for want of the engine: the service waits for it; the dependents the heal had taken
    /// (probes stopped) are re-checked when the engine is back.</summary>
    private void HoldForEngine(StackRuntime stack, ServiceRuntime service, List<ServiceRuntime> dependents, string why)
    {
        WaitForEngine(stack, service, why);
        foreach (var dependent in dependents)
        {
            SetState(dependent, dependent.State with { Status = ServiceStatus.Unknown });
        }
    }

    /// <summary>Puts a service whose restart cannot run (the engine is down) on hold until the engine answers again.</summary>
    private void WaitForEngine(StackRuntime stack, ServiceRuntime service, string why)
    {
        service.FailedBecauseOf ??= "the engine";
        if (service.State.Status != ServiceStatus.WaitingForEngine)
        {
            SetState(service, service.State with { Status = ServiceStatus.WaitingForEngine, RestartAt = null });
            Emit(SupervisorEventKind.StateChanged, stack.Name, service, $"{service.Name}: waiting for the engine before restarting ({why})");
        }

        if (_engineDownSince is null)
        {
            // The engine failed a call but its event stream has not dropped (yet): no reconnect will wake this service, so retry.
            var generation = service.Generation;
            After(EngineRetryDelay, async () =>
            {
                if (service.Generation == generation && service.State.Status == ServiceStatus.WaitingForEngine && !service.Busy
                    && _engineDownSince is null && _stacks.GetValueOrDefault(stack.Name) == stack)
                {
                    await BeginHealAsync(stack, service).ConfigureAwait(false);
                }
            });
        }
    }

    /// <summary>True when <paramref name="time"/> falls while the engine was down, or in the shutdown window before it went down.</summary>
    private bool DuringEngineOutage(DateTimeOffset time) =>
        (_engineDownSince is { } since && time >= since - _options.EngineShutdownWindow)
        || _outages.Any(o => time >= o.From && time <= o.To);
}

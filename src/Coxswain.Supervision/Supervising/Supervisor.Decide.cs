using System.Globalization;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>Deciding: record the failure, ask the tracker once, keep a dossier, schedule the restart.</summary>
public sealed partial class Supervisor
{
    private async Task OnFailureAsync(StackRuntime stack, ServiceRuntime service, Failure failure, HealthSnapshot? health = null)
    {
        var now = _time.GetUtcNow();
        await StopProbesAsync(service).ConfigureAwait(false);
        var before = service.Tracker.State;
        service.Tracker.RecordFailure(failure);
        var down = service.Model.DependsOn.Where(d => d.Required)
            .Select(d => stack.Services.GetValueOrDefault(d.Service))
            .FirstOrDefault(d => d is not null && !d.IsUp);
        if (down is not null)
        {
            service.FailedBecauseOf = down.Name;
        }

        var decision = service.Tracker.Decide(now, _options.Random);
        Save(service);
        var trace = new List<string>
        {
            $"{failure.Text} at {failure.At:O}{(failure.Detail.Length > 0 ? ": " + failure.Detail : "")}",
            string.Create(CultureInfo.InvariantCulture, $"counters before: {before.Attempts} restarts since last reset, {before.RestartTimes.Count} in the window; healthy since {before.HealthySince?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}"),
        };
        if (down is not null)
        {
            trace.Add($"dependency {down.Name} was {down.State.Describe(now)} at the time: its counters reset once {down.Name} recovers");
        }

        trace.Add($"decision: {decision.Action} — {decision.Reason}");
        _store.AppendDossier(new CrashDossier(stack.Name, service.Name, failure)
        {
            ProbeOutputs = health?.Results.Select(r => $"exit {r.ExitCode}: {r.Output}").ToList() ?? [],
            LogTail = failure.Container is { } container ? await LogTailAsync(container).ConfigureAwait(false) : [],
            DecisionTrace = trace,
        });
        switch (decision.Action)
        {
            case RestartAction.Restart:
                var generation = ++service.Generation;
                service.PendingReason = decision.Reason;
                SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Restarting)
                {
                    RestartAt = now + decision.Delay,
                    Attempt = decision.Attempt,
                    Budget = decision.Budget,
                    LastFailure = failure,
                    Reason = decision.Reason,
                });
                Emit(SupervisorEventKind.Decision, stack.Name, service, $"{service.Name}: {decision.Reason}");
                After(decision.Delay, () => RestartDueAsync(stack, service, generation));
                break;
            case RestartAction.GiveUp:
                SetState(service, new ServiceState(stack.Name, service.Name, ServiceStatus.Failed)
                {
                    GaveUpAfter = service.Tracker.State.GaveUpAfter,
                    LastFailure = failure,
                    Reason = decision.Reason,
                });
                Emit(SupervisorEventKind.GaveUp, stack.Name, service, $"{service.Name}: {decision.Reason}");
                break;
            default:
                var status = service.Tracker.State.UserStopped ? ServiceStatus.StoppedByUser : ServiceStatus.Stopped;
                SetState(service, new ServiceState(stack.Name, service.Name, status) { LastFailure = failure, Reason = decision.Reason });
                Emit(SupervisorEventKind.Decision, stack.Name, service, $"{service.Name}: {decision.Reason}");
                break;
        }
    }

    private async Task<IReadOnlyList<string>> LogTailAsync(string container)
    {
        var lines = new List<string>();
        try
        {
            await foreach (var line in _engine.GetLogsAsync(container, new LogOptions { Tail = _options.LogTailLines }, _stop.Token).ConfigureAwait(false))
            {
                lines.Add(line.Text.TrimEnd('\n', '\r'));
            }
        }
        catch (EngineException)
        {
            // removed or unreachable: the dossier goes without logs
        }

        return lines.Count > _options.LogTailLines ? lines[^_options.LogTailLines..] : lines;
    }

    private async Task RestartDueAsync(StackRuntime stack, ServiceRuntime service, int generation)
    {
        if (generation != service.Generation || service.State.Status != ServiceStatus.Restarting || _stacks.GetValueOrDefault(stack.Name) != stack)
        {
            return;
        }

        await BeginHealAsync(stack, service).ConfigureAwait(false);
    }
}

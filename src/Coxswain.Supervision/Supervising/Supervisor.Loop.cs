using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>The loop: one work item at a time; timers, heals, probes and the event stream post work onto it.</summary>
public sealed partial class Supervisor
{
    private async Task LoopAsync()
    {
        await foreach (var work in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_stop.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (EngineException ex)
            {
                // The engine failed a read or call of the loop's own: a later event or reconnect re-checks.
                Emit(SupervisorEventKind.StateChanged, "", null, $"engine call failed: {ex.Message}; the state is checked again on the next event or reconnect");
            }
        }
    }

    /// <summary>Waits until the loop has processed everything queued before this call (for tests on a manual clock).</summary>
    internal Task DrainAsync(CancellationToken cancellationToken) => PostAsync(() => Task.FromResult(true), cancellationToken);

    /// <summary>Queues work onto the loop (from any thread).</summary>
    private void Post(Func<Task> work) => _inbox.Writer.TryWrite(work);

    /// <summary>Queues work onto the loop and waits for its result.</summary>
    private async Task<T> PostAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _running) == 0)
        {
            throw new InvalidOperationException("the supervisor is not started; call StartAsync first");
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(async () =>
        {
            try
            {
                done.TrySetResult(await work().ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }))
        {
            throw new InvalidOperationException("the supervisor is stopped");
        }

        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PumpEventsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var watcher = new EventWatcher(_engine, _options.EventWatcher ?? new EventWatcherOptions { TimeProvider = _time });
        var filter = new EventFilter { Since = since, Types = ["container"], Labels = [StackLabels.Managed + "=true"] };
        try
        {
            await foreach (var item in watcher.WatchAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                switch (item)
                {
                    case EventWatchItem.EventReceived received:
                        var e = received.Event;
                        Post(() => OnEngineEventAsync(e));
                        break;
                    case EventWatchItem.Disconnected disconnected:
                        Post(() => OnDisconnectedAsync(disconnected));
                        break;
                    case EventWatchItem.Reconnected reconnected:
                        Post(() => OnReconnectedAsync(reconnected));
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop after <paramref name="delay"/> on the clock, unless the supervisor stops.</summary>
    private void After(TimeSpan delay, Func<Task> work)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, _stop.Token).ConfigureAwait(false);
                }

                Post(work);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }, CancellationToken.None);
    }

    private void SetState(ServiceRuntime service, ServiceState state)
    {
        service.State = state;
        PublishStates();
    }

    private void PublishStates()
    {
        var states = new Dictionary<string, ServiceState>(StringComparer.Ordinal);
        foreach (var stack in _stacks.Values)
        {
            foreach (var service in stack.Services.Values)
            {
                states[Key(stack.Name, service.Name)] = service.State;
            }
        }

        lock (_gate)
        {
            _states = states;
        }
    }

    private void Emit(SupervisorEventKind kind, string project, ServiceRuntime? service, string message)
    {
        var e = new SupervisorEvent(_time.GetUtcNow(), kind, project, service?.Name, message) { State = service?.State };
        if (project.Length > 0)
        {
            _store.AppendEvent(e);
        }

        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(e);
            }
        }
    }

    private void Save(ServiceRuntime service) => _store.SaveService(service.Project, service.Name, service.Tracker.State);
}

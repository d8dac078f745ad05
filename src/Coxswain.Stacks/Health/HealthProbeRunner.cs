using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>
/// Runs one container's <see cref="HealthProbe"/> through the exec API on a <see cref="TimeProvider"/>, feeds a
/// <see cref="HealthTracker"/> and publishes a <see cref="HealthSnapshot"/> after every probe. Probing ends when the
/// token is cancelled or the container is no longer running (a restarted container needs a new runner).
/// </summary>
/// <remarks>
/// A probe slower than <see cref="HealthProbe.Timeout"/> counts as a failure with exit code -1 and the output
/// "probe timed out after N s". An exec the engine refuses for another reason counts as a failure with the engine's
/// message. While the engine cannot be reached, probes are skipped (not counted) and retried an interval later.
/// </remarks>
public sealed class HealthProbeRunner
{
    private readonly IEngineClient _engine;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<Channel<HealthSnapshot>> _watchers = [];
    private HealthSnapshot _current;
    private int _started;

    /// <summary>Prepares a runner; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <param name="engine">The engine to exec the probe through.</param>
    /// <param name="container">The container's id or name.</param>
    /// <param name="probe">What to run and when.</param>
    /// <param name="timeProvider">The clock for the schedule, the timeouts and the result times (the system clock when null).</param>
    public HealthProbeRunner(IEngineClient engine, string container, HealthProbe probe, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentNullException.ThrowIfNull(probe);
        _engine = engine;
        _time = timeProvider ?? TimeProvider.System;
        Container = container;
        ContainerId = container;
        ContainerName = container;
        Probe = probe;
        _current = new HealthSnapshot(container, HealthStatus.Starting, 0, []);
    }

    /// <summary>The container as given.</summary>
    public string Container { get; }

    /// <summary>The probe this runner runs.</summary>
    public HealthProbe Probe { get; }

    /// <summary>The latest snapshot (status <see cref="HealthStatus.Starting"/> with no results before the first probe).</summary>
    public HealthSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The container's full id, once the runner inspected it.</summary>
    internal string ContainerId { get; private set; }

    /// <summary>The container's name, once the runner inspected it.</summary>
    internal string ContainerName { get; private set; }

    /// <summary>
    /// Probes until <paramref name="cancellationToken"/> is cancelled or the container stops or is removed; then publishes
    /// a last snapshot with <see cref="HealthSnapshot.Ended"/> set and returns (cancellation does not throw). Runs once.
    /// </summary>
    /// <exception cref="InvalidOperationException">When called a second time.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException($"the health probe runner for container {Container} already ran; create a new one");
        }

        var reason = "stopped";
        try
        {
            reason = await ProbeLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "stopped";
        }
        finally
        {
            End(reason);
        }
    }

    /// <summary>The current snapshot, then every new one (one per probe) until the runner ends or the token is cancelled.</summary>
    public async IAsyncEnumerable<HealthSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<HealthSnapshot>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            channel.Writer.TryWrite(_current);
            if (_current.Ended)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel);
            }
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    private async Task<string> ProbeLoopAsync(CancellationToken cancellationToken)
    {
        ContainerInfo info;
        try
        {
            info = await _engine.InspectContainerAsync(Container, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            return "container removed";
        }
        catch (EngineException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the engine did not answer: {ex.Message}";
        }

        ContainerId = info.Id;
        ContainerName = info.Name;
        if (!info.State.Running)
        {
            return "container not running";
        }

        var tracker = new HealthTracker(Probe, info.State.StartedAt ?? _time.GetUtcNow());
        Publish(tracker.ToSnapshot(Container));
        DateTimeOffset? notBefore = null;
        while (true)
        {
            var due = tracker.NextProbeAt;
            if (notBefore > due)
            {
                due = notBefore.Value;
            }

            var wait = due - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            var (result, endReason) = await ProbeOnceAsync(cancellationToken).ConfigureAwait(false);
            if (endReason is not null)
            {
                return endReason;
            }

            if (result is null)
            {
                notBefore = _time.GetUtcNow() + Probe.Interval;
                continue;
            }

            notBefore = null;
            tracker.Record(result);
            Publish(tracker.ToSnapshot(Container));
        }
    }

    /// <summary>Runs the probe once: a result, or (null, reason) when probing must end, or (null, null) when skipped.</summary>
    private async Task<(ProbeResult? Result, string? EndReason)> ProbeOnceAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetUtcNow();
        try
        {
            var exec = await _engine.ExecAsync(Container, new ExecSpec(Probe.Command), Probe.Timeout, _time, cancellationToken).ConfigureAwait(false);
            return (new ProbeResult(start, _time.GetUtcNow(), exec.ExitCode, exec.Output.TrimEnd()), null);
        }
        catch (TimeoutException)
        {
            var seconds = Probe.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return (new ProbeResult(start, _time.GetUtcNow(), -1, $"probe timed out after {seconds} s") { TimedOut = true }, null);
        }
        catch (EngineNotFoundException)
        {
            return (null, "container removed");
        }
        catch (EngineConflictException e)
        {
            if (await IsRunningAsync(cancellationToken).ConfigureAwait(false) is not { } running)
            {
                return (null, "container removed");
            }

            return running
                ? (new ProbeResult(start, _time.GetUtcNow(), -1, $"probe could not run: {e.Message}"), null)
                : (null, "container not running");
        }
        catch (EngineUnavailableException)
        {
            return (null, null);
        }
        catch (EngineException e)
        {
            return (new ProbeResult(start, _time.GetUtcNow(), -1, $"probe could not run: {e.Message}"), null);
        }
    }

    /// <summary>Whether the container runs now; null when it is gone.</summary>
    private async Task<bool?> IsRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await _engine.InspectContainerAsync(Container, cancellationToken).ConfigureAwait(false);
            return info.State.Running && info.State.Status != ContainerStatus.Restarting;
        }
        catch (EngineNotFoundException)
        {
            return null;
        }
    }

    private void Publish(HealthSnapshot snapshot)
    {
        lock (_gate)
        {
            _current = snapshot;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }
        }
    }

    private void End(string reason)
    {
        lock (_gate)
        {
            _current = _current with { Ended = true, EndReason = reason, NextProbeAt = null };
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(_current);
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }
}

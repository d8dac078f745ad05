using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>
/// Runs Coxswain's health probes for many containers: one <see cref="HealthProbeRunner"/> per container, started and
/// stopped by container, with the current health looked up by id or name. Used by <c>up --wait</c> and the daemon.
/// </summary>
public sealed class HealthMonitor : IAsyncDisposable
{
    private readonly IEngineClient _engine;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<Task> _retired = [];
    private bool _disposed;

    /// <summary>Creates a monitor that probes through <paramref name="engine"/> on <paramref name="timeProvider"/> (the system clock when null).</summary>
    public HealthMonitor(IEngineClient engine, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The containers being probed, as they were given to <see cref="Start"/>.</summary>
    public IReadOnlyList<string> Containers
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <summary>
    /// Starts probing <paramref name="container"/> (id or name) with <paramref name="probe"/>, in the background, and
    /// returns its runner. A runner already probing that container is stopped and replaced (call this again after the
    /// container was restarted: a runner ends when its container stops).
    /// </summary>
    public HealthProbeRunner Start(string container, HealthProbe probe)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentNullException.ThrowIfNull(probe);
        var runner = new HealthProbeRunner(_engine, container, probe, _time);
        var stop = new CancellationTokenSource();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.Remove(container, out var old))
            {
                old.Stop.Cancel();
                _retired.Add(old.Task);
            }

            var task = Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None);
            _entries[container] = new Entry(runner, stop, task);
        }

        return runner;
    }

    /// <summary>Stops probing <paramref name="container"/> and waits for its runner to end; no-op when it is not probed.</summary>
    public async Task StopAsync(string container)
    {
        Entry? entry;
        lock (_gate)
        {
            entry = Find(container) is { } key && _entries.Remove(key, out var found) ? found : null;
        }

        if (entry is null)
        {
            return;
        }

        await entry.Stop.CancelAsync().ConfigureAwait(false);
        await entry.Task.ConfigureAwait(false);
        entry.Stop.Dispose();
    }

    /// <summary>The runner probing <paramref name="container"/> (as given, or its full id or name), or null.</summary>
    public HealthProbeRunner? GetRunner(string container)
    {
        lock (_gate)
        {
            return Find(container) is { } key ? _entries[key].Runner : null;
        }
    }

    /// <summary>The latest health of <paramref name="container"/> (as given, or its full id or name), or null when it is not probed.</summary>
    public HealthSnapshot? GetSnapshot(string container) => GetRunner(container)?.Current;

    /// <summary>Stops every runner and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Entry> entries;
        List<Task> retired;
        lock (_gate)
        {
            _disposed = true;
            entries = [.. _entries.Values];
            retired = [.. _retired];
            _entries.Clear();
            _retired.Clear();
        }

        foreach (var entry in entries)
        {
            await entry.Stop.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(entries.Select(e => e.Task).Concat(retired)).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            entry.Stop.Dispose();
        }
    }

    private string? Find(string container)
    {
        if (_entries.ContainsKey(container))
        {
            return container;
        }

        foreach (var (key, entry) in _entries)
        {
            var runner = entry.Runner;
            if (runner.ContainerId == container || runner.ContainerName == container.TrimStart('/')
                || (container.Length >= 12 && runner.ContainerId.StartsWith(container, StringComparison.Ordinal)))
            {
                return key;
            }
        }

        return null;
    }

    private sealed record Entry(HealthProbeRunner Runner, CancellationTokenSource Stop, Task Task);
}

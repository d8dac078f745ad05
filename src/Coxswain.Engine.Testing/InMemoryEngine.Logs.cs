using System.Runtime.CompilerServices;

namespace Coxswain.Engine.Testing;

/// <summary>Logs and stats.</summary>
public sealed partial class InMemoryEngine
{
    private const long BaseMemoryBytes = 2 * 1024 * 1024;

    /// <inheritdoc />
    public async IAsyncEnumerable<LogLine> GetLogsAsync(string idOrName, LogOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new LogOptions();
        cancellationToken.ThrowIfCancellationRequested();
        ContainerRecord c;
        List<LogEntry> first;
        int next;
        lock (_gate)
        {
            Enter(nameof(GetLogsAsync));
            c = FindContainer(idOrName, $"read logs of container {idOrName}");
            first = c.Logs.Where(e => Wanted(e, options)).ToList();
            if (options.Tail is { } tail)
            {
                first = first.Skip(Math.Max(0, first.Count - Math.Max(0, tail))).ToList();
            }

            next = c.Logs.Count;
        }

        foreach (var entry in first)
        {
            yield return ToLine(entry, options);
        }

        if (!options.Follow)
        {
            yield break;
        }

        while (true)
        {
            List<LogEntry> batch;
            bool running;
            Task changed;
            CancellationToken connection;
            lock (_gate)
            {
                EnsureConnected();
                batch = c.Logs.Skip(next).Where(e => Wanted(e, options)).ToList();
                next = c.Logs.Count;
                running = c.Run is not null && !c.Removed && !_disposed;
                changed = _changed.Task;
                connection = _connection.Token;
            }

            foreach (var entry in batch)
            {
                if (options.Until is { } until && entry.Time >= until)
                {
                    yield break;
                }

                yield return ToLine(entry, options);
            }

            if (!running || (options.Until is { } end && _time.GetUtcNow() >= end))
            {
                yield break;
            }

            await WaitForChangeAsync(changed, connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<ContainerStats> GetStatsAsync(string idOrName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(GetStatsAsync));
            return Sample(FindContainer(idOrName, $"read stats of container {idOrName}"));
        }
    });

    /// <inheritdoc />
    public async IAsyncEnumerable<ContainerStats> StreamStatsAsync(string idOrName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ContainerRecord c;
        lock (_gate)
        {
            Enter(nameof(StreamStatsAsync));
            c = FindContainer(idOrName, $"stream stats of container {idOrName}");
        }

        while (true)
        {
            ContainerStats sample;
            bool running;
            CancellationToken connection;
            lock (_gate)
            {
                EnsureConnected();
                sample = Sample(c);
                running = c.Run is not null && !c.Removed && !_disposed;
                connection = _connection.Token;
            }

            yield return sample;
            if (!running)
            {
                yield break;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection);
            await DelayOrUnavailableAsync(TimeSpan.FromSeconds(1), linked.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DelayOrUnavailableAsync(TimeSpan delay, CancellationToken linked, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, linked).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw Unavailable();
        }
    }

    /// <summary>Records one line of a run's output (ignored once the run ended, except for its final flush).</summary>
    private void AppendLog(ContainerRecord c, ProcessRun run, LogStream stream, string line)
    {
        lock (_gate)
        {
            if (run.Ended || c.Removed)
            {
                return;
            }

            c.Logs.Add(new LogEntry(c.Spec.Tty ? LogStream.Stdout : stream, line, _time.GetUtcNow()));
            Changed();
        }
    }

    private static bool Wanted(LogEntry entry, LogOptions options) =>
        (entry.Stream == LogStream.Stdout ? options.Stdout : options.Stderr)
        && (options.Since is not { } since || entry.Time >= since)
        && (options.Until is not { } until || entry.Time < until);

    private static LogLine ToLine(LogEntry entry, LogOptions options) =>
        new(entry.Stream, entry.Text, options.Timestamps ? entry.Time : null);

    /// <summary>Plausible, deterministic usage: a couple of MiB and a little CPU and traffic while running; zeros when stopped.</summary>
    private ContainerStats Sample(ContainerRecord c)
    {
        var now = _time.GetUtcNow();
        var limit = c.Spec.Resources?.MemoryBytes is > 0 and var bytes ? bytes : _options.MemoryBytes;
        if (c.Run is null)
        {
            return new ContainerStats { Read = now, MemoryLimitBytes = limit };
        }

        var seconds = (long)Math.Max(0, (now - c.Run.StartedAt).TotalSeconds);
        var memory = Math.Min(limit, BaseMemoryBytes + (c.Logs.Count * 128L));
        return new ContainerStats
        {
            Read = now,
            CpuPercent = 0.25,
            MemoryUsageBytes = memory,
            MemoryLimitBytes = limit,
            NetworkRxBytes = 1_000 + (seconds * 64),
            NetworkTxBytes = 500 + (seconds * 32),
            BlockReadBytes = 4096,
            BlockWriteBytes = c.Logs.Count * 64L,
            Pids = 1,
        };
    }
}

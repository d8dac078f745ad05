using System.Text;
using Coxswain.Engine;

namespace Coxswain.Supervision;

/// <summary>
/// OOM evidence from the kernel's own log, for engines that do not report OOM kills (Podman 4.3 never sets
/// <c>State.OOMKilled</c> nor emits <c>oom</c>). The kernel writes an <c>oom-kill:</c> record naming the killed task's cgroup,
/// which holds the container id, before it kills the task; a reader thread follows <c>/dev/kmsg</c> and keeps those
/// records, so the evidence is there when the exit is classified, even after the engine removed the container's cgroup
/// (which Podman does within a few hundred milliseconds of the kill). Needs read access to <c>/dev/kmsg</c> (root, or
/// CAP_SYSLOG, or <c>kernel.dmesg_restrict=0</c>) and an engine on this machine's kernel. One instance per process is enough;
/// share it between supervisors.
/// </summary>
public sealed class KernelLogOomEvidence : IOomEvidence, IDisposable
{
    /// <summary>The kernel log device.</summary>
    public const string DefaultPath = "/dev/kmsg";

    /// <summary>OOM-kill records kept (the oldest are dropped).</summary>
    public const int MaxRecords = 1024;

    private const int RecordBufferBytes = 8192;
    private const int MaxConsecutiveErrors = 100;
    private readonly FileStream _log;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _bootedAt;
    private readonly TimeSpan _openedAtUptime;
    private readonly Lock _gate = new();
    private readonly Queue<KernelOomRecord> _records = new();
    private readonly HashSet<long> _consumed = [];
    private volatile bool _disposed;

    private KernelLogOomEvidence(FileStream log, TimeProvider time)
    {
        _log = log;
        _time = time;
        _openedAtUptime = TimeSpan.FromMilliseconds(Environment.TickCount64);
        _bootedAt = time.GetUtcNow() - _openedAtUptime;
        var reader = new Thread(Read) { IsBackground = true, Name = "cox kernel log OOM reader" };
        reader.Start();
    }

    /// <summary>Why the reader stopped (an unreadable log), or null while it reads.</summary>
    public string? Problem { get; private set; }

    /// <summary>Starts following the kernel log; null, with the reason in <paramref name="problem"/>, when it cannot be read.</summary>
    /// <param name="problem">Why there is no evidence (to log): what failed and what to do.</param>
    /// <param name="timeProvider">The clock that times the records as they are read; null for the system clock.</param>
    /// <param name="path">The kernel log device.</param>
    /// <returns>The evidence, or null.</returns>
    public static KernelLogOomEvidence? TryStart(out string? problem, TimeProvider? timeProvider = null, string path = DefaultPath)
    {
        try
        {
            var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            problem = null;
            return new KernelLogOomEvidence(log, timeProvider ?? TimeProvider.System);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read the kernel log {path} ({ex.Message}), so OOM kills that the engine does not report (Podman) are classified as plain kills; run cox daemon as root, or with CAP_SYSLOG, or set kernel.dmesg_restrict=0";
            return null;
        }
    }

    /// <summary>The OOM-kill records read so far, oldest first.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<KernelOomRecord> Records()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> WasOomKilledAsync(ContainerInfo container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        lock (_gate)
        {
            var found = OomAttribution.Find(_records, container.Id, container.State.StartedAt, container.State.FinishedAt, _consumed);
            if (found is not null)
            {
                _consumed.Add(found.Sequence);
            }

            return ValueTask.FromResult(found is not null);
        }
    }

    /// <summary>Stops keeping records. The reader thread (a background thread) ends at the kernel's next message.</summary>
    public void Dispose()
    {
        _disposed = true;
        _log.Dispose();
    }

    private void Read()
    {
        var buffer = new byte[RecordBufferBytes];
        var errors = 0;
        while (!_disposed)
        {
            int read;
            try
            {
                // Each read returns exactly one record, and blocks until the kernel writes the next.
                read = _log.Read(buffer);
                errors = 0;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (IOException ex)
            {
                // EPIPE: records were overwritten before being read; the next read goes on with the oldest left.
                if (++errors < MaxConsecutiveErrors)
                {
                    continue;
                }

                Problem = $"reading the kernel log failed {errors} times in a row ({ex.Message}); OOM kills that the engine does not report are classified as plain kills from now on";
                return;
            }

            if (read <= 0)
            {
                Problem = "the kernel log ended (is it /dev/kmsg?); OOM kills that the engine does not report are classified as plain kills from now on";
                return;
            }

            if (KernelOomLine.Parse(Encoding.UTF8.GetString(buffer, 0, read)) is { } record)
            {
                Keep(record);
            }
        }
    }

    private void Keep(KernelOomRecord record)
    {
        // A record timed before the log was opened was already there: its wall time is estimated from the boot time.
        var backlog = record.Uptime < _openedAtUptime - TimeSpan.FromSeconds(1);
        record = backlog
            ? record with { At = _bootedAt + record.Uptime, Estimated = true }
            : record with { At = _time.GetUtcNow() };
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > MaxRecords)
            {
                _consumed.Remove(_records.Dequeue().Sequence);
            }
        }
    }
}

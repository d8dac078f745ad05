using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>
/// The one waiting loop: inspects the container every <see cref="Interval"/>, asks an <see cref="IWaitCondition"/>, and
/// ends when it holds, when it fails, when the container exits while it is expected to run (fail fast), or at
/// <see cref="Timeout"/>. Every way of not being ready throws one <see cref="ContainerNotReadyException"/>.
/// All waiting runs on the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class Waiter
{
    /// <summary>Time between checks when none is set: 500 ms.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Log lines shown in errors when none is set: 20.</summary>
    public const int DefaultLogTailLines = 20;

    private readonly IEngineClient _engine;
    private readonly TimeProvider _time;

    /// <summary>Creates a waiter on <paramref name="engine"/> and <paramref name="timeProvider"/> (the system clock when null).</summary>
    public Waiter(IEngineClient engine, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Time between checks, counted from the start of the wait (checks do not drift).</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long to wait at most; null to wait until the condition holds or fails, or the token is cancelled.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many of the container's last log lines an error shows.</summary>
    public int LogTailLines { get; init; } = DefaultLogTailLines;

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for <paramref name="container"/> and returns the container as last inspected.
    /// </summary>
    /// <param name="container">The container's id or name.</param>
    /// <param name="condition">What to wait for.</param>
    /// <param name="service">The Compose service, named in errors.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ContainerNotReadyException">When the container exited, the condition failed, the timeout passed, or the container was removed.</exception>
    public async Task<ContainerInfo> WaitAsync(string container, IWaitCondition condition, string? service = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero);
        var started = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var deadline = Timeout is { } timeout ? startedAt + timeout : (DateTimeOffset?)null;
        ContainerInfo? last = null;
        while (true)
        {
            ContainerInfo info;
            try
            {
                info = await _engine.InspectContainerAsync(container, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                var gone = last ?? Placeholder(container);
                throw new ContainerNotReadyException(new NotReadyFacts(
                    NotReadyReason.Removed, service, gone, condition.Description, "it was removed", _time.GetElapsedTime(started), Timeout, [], []));
            }

            last = info;
            var check = await condition.CheckAsync(new WaitContext(_engine, info, _time), cancellationToken).ConfigureAwait(false);
            if (check.Outcome == WaitOutcome.Ready)
            {
                return info;
            }

            NotReadyReason? failure = check.Outcome == WaitOutcome.Failed ? NotReadyReason.ConditionFailed
                : !condition.ExpectsExit && info.State.Status is ContainerStatus.Exited or ContainerStatus.Dead ? NotReadyReason.Exited
                : null;
            var now = _time.GetUtcNow();
            if (failure is null && deadline is { } end && now >= end)
            {
                failure = NotReadyReason.TimedOut;
            }

            if (failure is { } reason)
            {
                var tail = await LogTailAsync(info.Id, cancellationToken).ConfigureAwait(false);
                throw new ContainerNotReadyException(new NotReadyFacts(
                    reason, service, info, condition.Description, check.Detail, _time.GetElapsedTime(started), Timeout, tail, check.Probes));
            }

            var next = NextCheck(startedAt, now);
            if (deadline < next)
            {
                next = deadline.Value;
            }

            await Task.Delay(next - now, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private DateTimeOffset NextCheck(DateTimeOffset startedAt, DateTimeOffset now)
    {
        var intervals = (now - startedAt).Ticks / Interval.Ticks;
        return startedAt + (Interval * (intervals + 1));
    }

    private async Task<IReadOnlyList<string>> LogTailAsync(string containerId, CancellationToken cancellationToken)
    {
        if (LogTailLines <= 0)
        {
            return [];
        }

        var lines = new List<string>();
        try
        {
            await foreach (var line in _engine.GetLogsAsync(containerId, new LogOptions { Tail = LogTailLines }, cancellationToken).ConfigureAwait(false))
            {
                lines.Add(line.Text);
            }
        }
        catch (EngineException)
        {
            // The log is evidence for the message, not the failure itself: report what was read.
        }

        return lines.Count > LogTailLines ? lines[^LogTailLines..] : lines;
    }

    private static ContainerInfo Placeholder(string container) => new()
    {
        Id = container,
        Name = container.TrimStart('/'),
        Image = "",
        State = new ContainerState { Status = ContainerStatus.Removing },
    };
}

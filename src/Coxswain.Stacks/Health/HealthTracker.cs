namespace Coxswain.Stacks;

/// <summary>
/// The pure health state machine of one container run: record probe results (with their times), read the status, the
/// failing streak and when the next probe is due. No engine, no clock: every time comes in with the results.
/// </summary>
/// <remarks>
/// Docker's rules: the status starts as <see cref="HealthStatus.Starting"/>; a pass makes it healthy and resets the
/// streak; a failure that starts within the start period while still starting does not count; otherwise it adds to the
/// streak, and <see cref="HealthProbe.Retries"/> in a row make it unhealthy. Only a pass makes an unhealthy container
/// healthy again, so a flapping probe is not reported healthy until it passes. Probes run every
/// <see cref="HealthProbe.StartInterval"/> while starting within the start period, every <see cref="HealthProbe.Interval"/>
/// otherwise, counted from the end of the previous probe (the first from the container's start).
/// </remarks>
public sealed class HealthTracker
{
    /// <summary>How many results are kept when none is given: 5, as Docker keeps.</summary>
    public const int DefaultHistory = 5;

    /// <summary>Longest output kept per result, in characters (Docker keeps 4096 bytes).</summary>
    public const int MaxOutputLength = 4096;

    private readonly Queue<ProbeResult> _results = new();
    private readonly int _history;

    /// <summary>Starts tracking a container run that started at <paramref name="startedAt"/>.</summary>
    /// <param name="probe">The probe's timings.</param>
    /// <param name="startedAt">When the container (this run of it) started.</param>
    /// <param name="history">How many of the latest results to keep.</param>
    public HealthTracker(HealthProbe probe, DateTimeOffset startedAt, int history = DefaultHistory)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        Probe = probe;
        StartedAt = startedAt;
        _history = history;
    }

    /// <summary>The probe whose results are tracked.</summary>
    public HealthProbe Probe { get; }

    /// <summary>When the container run started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The current status.</summary>
    public HealthStatus Status { get; private set; } = HealthStatus.Starting;

    /// <summary>Failures counted in a row since the last pass.</summary>
    public int FailingStreak { get; private set; }

    /// <summary>How many probes were recorded in all.</summary>
    public int ProbeCount { get; private set; }

    /// <summary>The latest results, oldest first (at most the history given).</summary>
    public IReadOnlyList<ProbeResult> Results => [.. _results];

    /// <summary>The latest result, or null before the first.</summary>
    public ProbeResult? LastResult { get; private set; }

    /// <summary>When the next probe is due: a (start) interval after the last probe ended, or after the start for the first;
    /// with <see cref="HealthProbe.FirstProbeDelay"/>, every such delay while starting, until Docker's first probe time.</summary>
    public DateTimeOffset NextProbeAt
    {
        get
        {
            var from = LastResult?.End ?? StartedAt;
            if (Status == HealthStatus.Starting && Probe.FirstProbeDelay is { } early)
            {
                // Early probes repeat until the first pass, up to the time Docker would have run its first probe.
                var firstRegular = StartedAt + (Probe.StartPeriod > TimeSpan.Zero ? Probe.StartInterval : Probe.Interval);
                if (from + early < firstRegular)
                {
                    return from + early;
                }
            }

            return from + IntervalAt(from);
        }
    }

    /// <summary>Records a probe result and returns true when the status changed.</summary>
    public bool Record(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Output.Length > MaxOutputLength)
        {
            result = result with { Output = result.Output[..MaxOutputLength] };
        }

        ProbeCount++;
        LastResult = result;
        _results.Enqueue(result);
        while (_results.Count > _history)
        {
            _results.Dequeue();
        }

        var before = Status;
        if (result.Passed)
        {
            FailingStreak = 0;
            Status = HealthStatus.Healthy;
        }
        else if (!InGrace(result.Start))
        {
            FailingStreak++;
            if (FailingStreak >= Probe.Retries)
            {
                Status = HealthStatus.Unhealthy;
            }
        }

        return Status != before;
    }

    /// <summary>A snapshot of the tracker's state for <paramref name="containerId"/>.</summary>
    public HealthSnapshot ToSnapshot(string containerId) => new(containerId, Status, FailingStreak, Results)
    {
        ProbeCount = ProbeCount,
        NextProbeAt = NextProbeAt,
    };

    private TimeSpan IntervalAt(DateTimeOffset time) =>
        Status == HealthStatus.Starting && time - StartedAt < Probe.StartPeriod ? Probe.StartInterval : Probe.Interval;

    /// <summary>Failures do not count while starting within the start period, nor (with an early first probe) before the
    /// time Docker would have run its first probe.</summary>
    private bool InGrace(DateTimeOffset probeStart)
    {
        if (Status != HealthStatus.Starting)
        {
            return false;
        }

        var sinceStart = probeStart - StartedAt;
        if (sinceStart < Probe.StartPeriod)
        {
            return true;
        }

        var firstRegular = Probe.StartPeriod > TimeSpan.Zero ? Probe.StartInterval : Probe.Interval;
        return Probe.FirstProbeDelay is not null && sinceStart < firstRegular;
    }
}

using System.Globalization;
using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class HealthTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HealthProbe Probe(double interval = 10, int retries = 3, double startPeriod = 0, double startInterval = 5, double? first = null) =>
        new(["check"])
        {
            Interval = TimeSpan.FromSeconds(interval),
            Retries = retries,
            StartPeriod = TimeSpan.FromSeconds(startPeriod),
            StartInterval = TimeSpan.FromSeconds(startInterval),
            FirstProbeDelay = first is { } f ? TimeSpan.FromSeconds(f) : null,
        };

    /// <summary>Runs the probes the tracker schedules, each taking no time, passing where <paramref name="outcomes"/>
    /// says P and failing where it says F; returns each probe's start (seconds after the start) and the status after it
    /// (S starting, H healthy, U unhealthy).</summary>
    private static (string Times, string Statuses) Run(HealthProbe probe, string outcomes)
    {
        var tracker = new HealthTracker(probe, T0);
        var times = new List<string>();
        var statuses = "";
        foreach (var outcome in outcomes)
        {
            var at = tracker.NextProbeAt;
            tracker.Record(new ProbeResult(at, at, outcome == 'P' ? 0 : 1, ""));
            times.Add((at - T0).TotalSeconds.ToString(CultureInfo.InvariantCulture));
            statuses += tracker.Status switch { HealthStatus.Healthy => 'H', HealthStatus.Unhealthy => 'U', _ => 'S' };
        }

        return (string.Join(' ', times), statuses);
    }

    [Theory]
    // no start period: every interval from the start; retries failures make it unhealthy
    [InlineData(10, 3, 0, 5, "FFFF", "10 20 30 40", "SSUU")]
    [InlineData(10, 1, 0, 5, "F", "10", "U")]
    // start period 5 s with start_interval 1 s: probes every second while starting within it, then every interval;
    // failures inside it do not count
    [InlineData(10, 3, 5, 1, "FFFFFFF", "1 2 3 4 5 15 25", "SSSSSSU")]
    // a pass inside the start period makes it healthy and switches to the interval at once
    [InlineData(10, 3, 60, 1, "FFPF", "1 2 3 13", "SSHH")]
    // a long start period with failures only: never unhealthy inside it
    [InlineData(10, 2, 60, 15, "FFFFF", "15 30 45 60 70", "SSSSU")]
    public void Record_ScheduleAndStatus_FollowDockerRules(double interval, int retries, double startPeriod, double startInterval, string outcomes, string times, string statuses)
    {
        var (actualTimes, actualStatuses) = Run(Probe(interval, retries, startPeriod, startInterval), outcomes);

        Assert.Equal(times, actualTimes);
        Assert.Equal(statuses, actualStatuses);
    }

    [Theory]
    // healthy stays healthy through fewer than retries failures
    [InlineData("PFFP", "HHHH")]
    // flapping: once unhealthy it stays so through further failures and is healthy again only after a pass
    [InlineData("PFFFFP", "HHHUUH")]
    [InlineData("PFFFPFFFP", "HHHUHHHUH")]
    public void Record_Flapping_HealthyAgainOnlyAfterAPass(string outcomes, string statuses) =>
        Assert.Equal(statuses, Run(Probe(), outcomes).Statuses);

    [Fact]
    public void Record_FailingStreak_CountsOnlyFailuresOutsideTheStartPeriodAndResetsOnPass()
    {
        var tracker = new HealthTracker(Probe(startPeriod: 3, startInterval: 1), T0);
        var streaks = new List<int>();
        foreach (var (at, code) in new[] { (1, 1), (2, 1), (3, 1), (13, 1), (23, 0), (33, 1) })
        {
            tracker.Record(new ProbeResult(T0.AddSeconds(at), T0.AddSeconds(at), code, ""));
            streaks.Add(tracker.FailingStreak);
        }

        Assert.Equal([0, 0, 1, 2, 0, 1], streaks);
    }

    [Fact]
    public void NextProbeAt_CountsFromTheEndOfTheLastProbe()
    {
        var tracker = new HealthTracker(Probe(interval: 10), T0);
        tracker.Record(new ProbeResult(T0.AddSeconds(10), T0.AddSeconds(12.5), 0, ""));

        Assert.Equal(T0.AddSeconds(22.5), tracker.NextProbeAt);
    }

    [Fact]
    public void Record_ReturnsTrueOnlyWhenTheStatusChanges()
    {
        var tracker = new HealthTracker(Probe(retries: 2), T0);

        Assert.Equal(
            [true, false, false, true, true],
            new[] { 0, 0, 1, 1, 0 }.Select((code, i) => tracker.Record(new ProbeResult(T0.AddSeconds(i), T0.AddSeconds(i), code, ""))).ToArray());
    }

    [Fact]
    public void Results_KeepTheLastHistoryEntriesWithTruncatedOutput()
    {
        var tracker = new HealthTracker(Probe(), T0, history: 3);
        for (var i = 1; i <= 5; i++)
        {
            tracker.Record(new ProbeResult(T0.AddSeconds(i), T0.AddSeconds(i), i, new string('x', i == 5 ? 5000 : i)));
        }

        Assert.Equal([3L, 4L, 5L], tracker.Results.Select(r => r.ExitCode));
        Assert.Equal(HealthTracker.MaxOutputLength, tracker.Results[^1].Output.Length);
        Assert.Equal(5, tracker.ProbeCount);
        Assert.Equal(5, tracker.LastResult!.ExitCode);
    }

    [Theory]
    // the early probe runs at 0.5 s; its failure does not count, so unhealthy comes no sooner than on Docker
    [InlineData("FFFF", "0.5 1.5 2.5 3.5", "SSSU")]
    [InlineData("P", "0.5", "H")]
    public void Record_FirstProbeDelay_ProbesEarlyButNeverFailsSooner(string outcomes, string times, string statuses)
    {
        var (actualTimes, actualStatuses) = Run(Probe(interval: 1, retries: 3, first: 0.5), outcomes);

        Assert.Equal(times, actualTimes);
        Assert.Equal(statuses, actualStatuses);
    }

    [Theory]
    // with a long interval, early probes repeat every 0.5 s until the first pass, up to Docker's first probe time (5 s);
    // none of their failures counts, and after that the regular interval takes over
    [InlineData("FFFP", "0.5 1 1.5 2", "SSSH")]
    [InlineData("FFFFFFFFFF", "0.5 1 1.5 2 2.5 3 3.5 4 4.5 9.5", "SSSSSSSSSS")]
    public void Record_FirstProbeDelayAndLongInterval_RepeatsEarlyProbesUntilDockersFirstProbeTime(string outcomes, string times, string statuses)
    {
        var (actualTimes, actualStatuses) = Run(Probe(interval: 5, retries: 3, first: 0.5), outcomes);

        Assert.Equal(times, actualTimes);
        Assert.Equal(statuses, actualStatuses);
    }
}

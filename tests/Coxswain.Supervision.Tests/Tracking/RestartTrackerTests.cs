using Coxswain.Compose;
using Coxswain.Supervision.Tests.Support;
using Xunit;

namespace Coxswain.Supervision.Tests.Tracking;

public sealed class RestartTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ServiceRestart Always = new(RestartCondition.Always);
    private static readonly RestartSettings Exact = new() { Jitter = 0 };

    private static Failure Crash(DateTimeOffset at, long code = 1) => new(FailureKind.Crashed, at, code);

    [Fact]
    public void Decide_RepeatedCrashes_BacksOffExponentiallyToTheCap()
    {
        var tracker = new RestartTracker(Exact with { Budget = 100, Window = TimeSpan.FromHours(1) }, Always);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 11; i++)
        {
            var now = T0 + TimeSpan.FromSeconds(i);
            tracker.RecordFailure(Crash(now));
            delays.Add(tracker.Decide(now, new FixedRandom(0.5)).Delay);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Decide_WithJitter_TakesOffThatFractionOfTheSample()
    {
        var tracker = new RestartTracker(new RestartSettings { Jitter = 0.1 }, Always);
        tracker.RecordFailure(Crash(T0));
        tracker.Decide(T0, new FixedRandom(0));
        tracker.RecordFailure(Crash(T0));

        var decision = tracker.Decide(T0, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromMilliseconds(1900), decision.Delay);
    }

    [Fact]
    public void Decide_ThirdCrash_ReasonSaysAttemptBudgetAndBackoff()
    {
        var tracker = new RestartTracker(Exact, Always);
        RestartDecision decision = null!;
        for (var i = 0; i < 3; i++)
        {
            tracker.RecordFailure(Crash(T0));
            decision = tracker.Decide(T0, new FixedRandom(0));
        }

        Assert.Equal(RestartAction.Restart, decision.Action);
        Assert.Equal("crashed (exit 1), attempt 3 of 10, backoff 4 s", decision.Reason);
        Assert.Equal((3, 10), (decision.Attempt, decision.Budget));
    }

    [Fact]
    public void Decide_BudgetSpentWithinWindow_GivesUpAndStaysFailed()
    {
        var tracker = new RestartTracker(Exact with { Budget = 3, Window = TimeSpan.FromMinutes(10) }, Always);
        var actions = new List<RestartAction>();
        for (var i = 0; i < 5; i++)
        {
            var now = T0 + TimeSpan.FromMinutes(i);
            tracker.RecordFailure(Crash(now));
            actions.Add(tracker.Decide(now, new FixedRandom(0)).Action);
        }

        Assert.Equal([RestartAction.Restart, RestartAction.Restart, RestartAction.Restart, RestartAction.GiveUp, RestartAction.GiveUp], actions);
        Assert.True(tracker.State.Failed);
        Assert.Equal(3, tracker.State.GaveUpAfter);
        tracker.RecordFailure(Crash(T0 + TimeSpan.FromHours(5)));
        Assert.Contains("failed — gave up after 3 restarts", tracker.Decide(T0 + TimeSpan.FromHours(5), new FixedRandom(0)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RestartsOlderThanTheWindow_DoNotCountAgainstTheBudget()
    {
        var tracker = new RestartTracker(Exact with { Budget = 2, Window = TimeSpan.FromMinutes(10) }, Always);
        foreach (var minute in new[] { 0, 1, 12, 13 })
        {
            var now = T0 + TimeSpan.FromMinutes(minute);
            tracker.RecordFailure(Crash(now));
            Assert.Equal(RestartAction.Restart, tracker.Decide(now, new FixedRandom(0)).Action);
        }
    }

    [Fact]
    public void RecordFailure_AfterAnHourHealthy_ClearsTheCountersFirst()
    {
        var tracker = new RestartTracker(Exact, Always);
        for (var i = 0; i < 4; i++)
        {
            tracker.RecordFailure(Crash(T0));
            tracker.Decide(T0, new FixedRandom(0));
        }

        tracker.RecordHealthy(T0 + TimeSpan.FromSeconds(10));
        var later = T0 + TimeSpan.FromSeconds(10) + TimeSpan.FromHours(1);
        tracker.RecordFailure(Crash(later));
        var decision = tracker.Decide(later, new FixedRandom(0));

        Assert.Equal(TimeSpan.FromSeconds(1), decision.Delay);
        Assert.Equal(1, decision.Attempt);
    }

    [Fact]
    public void RecordFailure_HealthyForLessThanStableAfter_KeepsTheCounters()
    {
        var tracker = new RestartTracker(Exact, Always);
        tracker.RecordFailure(Crash(T0));
        tracker.Decide(T0, new FixedRandom(0));
        tracker.RecordHealthy(T0 + TimeSpan.FromSeconds(2));
        var later = T0 + TimeSpan.FromMinutes(59);
        tracker.RecordFailure(Crash(later));

        Assert.Equal(TimeSpan.FromSeconds(2), tracker.Decide(later, new FixedRandom(0)).Delay);
    }

    [Fact]
    public void Decide_UserStopped_NeverRestarts()
    {
        var tracker = new RestartTracker(Exact, Always);
        tracker.RecordUserStop();
        tracker.RecordFailure(Crash(T0, 137));

        var decision = tracker.Decide(T0, new FixedRandom(0));

        Assert.Equal(RestartAction.LeaveAlone, decision.Action);
        Assert.Contains("stopped by user", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordUserStart_AfterGivingUp_ClearsFailedAndCounters()
    {
        var tracker = new RestartTracker(Exact with { Budget = 1 }, Always);
        tracker.RecordFailure(Crash(T0));
        tracker.Decide(T0, new FixedRandom(0));
        tracker.RecordFailure(Crash(T0));
        Assert.Equal(RestartAction.GiveUp, tracker.Decide(T0, new FixedRandom(0)).Action);

        tracker.RecordUserStart();
        tracker.RecordFailure(Crash(T0));

        Assert.Equal(RestartAction.Restart, tracker.Decide(T0, new FixedRandom(0)).Action);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(RestartCondition.No)]
    public void Decide_RestartNoOrUnset_LeavesAlone(RestartCondition? condition)
    {
        var tracker = new RestartTracker(Exact, condition is { } c ? new ServiceRestart(c) : null);
        tracker.RecordFailure(Crash(T0));

        var decision = tracker.Decide(T0, new FixedRandom(0));

        Assert.Equal(RestartAction.LeaveAlone, decision.Action);
        Assert.Contains("does not heal it", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnFailureCleanExit_LeavesAlone()
    {
        var tracker = new RestartTracker(Exact, new ServiceRestart(RestartCondition.OnFailure));
        tracker.RecordFailure(new Failure(FailureKind.CleanExit, T0, 0));

        Assert.Equal(RestartAction.LeaveAlone, tracker.Decide(T0, new FixedRandom(0)).Action);
    }

    [Fact]
    public void Decide_OnFailureWithCount_GivesUpAfterThatMany()
    {
        var tracker = new RestartTracker(Exact, new ServiceRestart(RestartCondition.OnFailure, 2));
        var actions = Enumerable.Range(0, 3).Select(_ =>
        {
            tracker.RecordFailure(Crash(T0));
            return tracker.Decide(T0, new FixedRandom(0)).Action;
        }).ToList();

        Assert.Equal([RestartAction.Restart, RestartAction.Restart, RestartAction.GiveUp], actions);
    }

    [Fact]
    public void ResetCounters_DependencyRecovered_NextDelayIsTheInitialOne()
    {
        var tracker = new RestartTracker(Exact, Always);
        for (var i = 0; i < 3; i++)
        {
            tracker.RecordFailure(Crash(T0));
            tracker.Decide(T0, new FixedRandom(0));
        }

        tracker.ResetCounters();
        tracker.RecordFailure(Crash(T0));

        Assert.Equal(TimeSpan.FromSeconds(1), tracker.Decide(T0, new FixedRandom(0)).Delay);
    }
}

using System.Globalization;
using Coxswain.Compose;

namespace Coxswain.Supervision;

/// <summary>
/// The pure restart tracker of one service: record facts (failures, health, user intent), then <see cref="Decide"/> once
/// per failure. No engine, no clock, no randomness of its own: the time and the random source are arguments.
/// </summary>
/// <remarks>
/// Backoff: the n-th restart since the counters cleared waits <c>initial × factor^(n−1)</c>, capped at the maximum, minus up
/// to <c>jitter</c> of it at random. Budget: at most <c>budget</c> restarts within the sliding window; the next failure
/// makes the service failed (left alone until a person starts it). Counters clear after the service ran healthy for
/// <c>stable_after</c>, and when <see cref="ResetCounters"/> is called (a dependency recovered). Compose's <c>restart:</c>
/// is honoured: none or <c>no</c> never heals, <c>on-failure</c> leaves clean exits alone and stops after its count.
/// </remarks>
public sealed class RestartTracker
{
    /// <summary>Creates a tracker.</summary>
    /// <param name="settings">Backoff, budget and stability settings.</param>
    /// <param name="policy">The service's Compose restart policy (null: none given, which Compose reads as <c>no</c>).</param>
    /// <param name="state">Persisted state to continue from, or null for a fresh service.</param>
    public RestartTracker(RestartSettings settings, ServiceRestart? policy, RestartTrackerState? state = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Policy = policy;
        State = state ?? new RestartTrackerState();
    }

    /// <summary>The settings.</summary>
    public RestartSettings Settings { get; }

    /// <summary>The Compose restart policy.</summary>
    public ServiceRestart? Policy { get; }

    /// <summary>What the tracker knows (persist this).</summary>
    public RestartTrackerState State { get; private set; }

    /// <summary>True when the policy lets Coxswain heal the service at all.</summary>
    public bool Heals => Policy is { Condition: not RestartCondition.No };

    /// <summary>Records that the service runs healthy (or running, without a probe) since <paramref name="since"/>; an earlier time already recorded is kept.</summary>
    /// <param name="since">Since when.</param>
    public void RecordHealthy(DateTimeOffset since)
    {
        if (State.HealthySince is null)
        {
            State = State with { HealthySince = since };
        }
    }

    /// <summary>Clears the counters when the service has been healthy for <see cref="RestartSettings.StableAfter"/> at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    /// <returns>True when the counters were cleared now.</returns>
    public bool ApplyStability(DateTimeOffset now)
    {
        if (State.HealthySince is { } since && now - since >= Settings.StableAfter && (State.Attempts > 0 || State.RestartTimes.Count > 0))
        {
            State = State with { Attempts = 0, RestartTimes = [] };
            return true;
        }

        return false;
    }

    /// <summary>Records a failure (applying a stability reset first when it ran healthy long enough before it).</summary>
    /// <param name="failure">The failure.</param>
    public void RecordFailure(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ApplyStability(failure.At);
        State = State with { LastFailure = failure, HealthySince = null };
    }

    /// <summary>Clears the backoff and budget counters (not the failed state nor user intent): the failures were a dependency's.</summary>
    public void ResetCounters() => State = State with { Attempts = 0, RestartTimes = [] };

    /// <summary>Records that a person stopped the service: it is never restarted until <see cref="RecordUserStart"/>.</summary>
    public void RecordUserStop() => State = State with { UserStopped = true };

    /// <summary>Takes back a stop that turned out not to be a person's (the engine stopped the container on its way down); counters stay.</summary>
    public void WithdrawUserStop() => State = State with { UserStopped = false };

    /// <summary>Records that a person started the service: user stop and failed state clear, and so do the counters.</summary>
    public void RecordUserStart() => State = State with { UserStopped = false, Failed = false, GaveUpAfter = 0, Attempts = 0, RestartTimes = [], LastFailure = null };

    /// <summary>Decides what to do about the last recorded failure at <paramref name="now"/>, and records the decision
    /// (a restart counts against the budget from now; giving up makes the service failed).</summary>
    /// <param name="now">The time of the decision.</param>
    /// <param name="random">The jitter source (<see cref="Random.NextDouble"/> in [0, 1)).</param>
    /// <returns>The decision.</returns>
    public RestartDecision Decide(DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var failure = State.LastFailure;
        var what = failure?.Text ?? "not running";
        if (State.UserStopped)
        {
            return Leave($"{what}; stopped by user, not restarted until started again");
        }

        if (State.Failed)
        {
            return new RestartDecision(RestartAction.GiveUp, TimeSpan.Zero, $"{what}; failed — gave up after {State.GaveUpAfter} restarts; start it to try again");
        }

        if (!Heals)
        {
            return Leave($"{what}; restart: {Policy?.ToString() ?? "not set"} in the Compose file, so Coxswain does not heal it");
        }

        if (Policy!.Condition == RestartCondition.OnFailure && failure is { IsSuccess: true })
        {
            return Leave($"{what}; restart: on-failure does not restart a clean exit");
        }

        var window = State.RestartTimes.Where(t => now - t < Settings.Window).ToList();
        if (Policy.Condition == RestartCondition.OnFailure && Policy.MaxRetries is { } max && State.Attempts >= max)
        {
            return GiveUp(what, State.Attempts, $"the {max} restarts restart: on-failure:{max} allows are spent", window);
        }

        if (window.Count >= Settings.Budget)
        {
            return GiveUp(what, window.Count, $"{window.Count} restarts within {DurationText.Format(Settings.Window)} is the budget", window);
        }

        var attempt = window.Count + 1;
        var delay = Backoff(State.Attempts + 1, Settings, random.NextDouble());
        window.Add(now);
        State = State with { Attempts = State.Attempts + 1, RestartTimes = window, TotalRestarts = State.TotalRestarts + 1 };
        var reason = string.Create(CultureInfo.InvariantCulture, $"{what}, attempt {attempt} of {Settings.Budget}, backoff {DurationText.Format(delay)}");
        return new RestartDecision(RestartAction.Restart, delay, reason) { Attempt = attempt, Budget = Settings.Budget };
    }

    /// <summary>The delay before restart number <paramref name="attempt"/> (1-based) since the counters cleared:
    /// <c>initial × factor^(attempt−1)</c> capped at the maximum, minus <c>jitter × sample</c> of it. Pure.</summary>
    /// <param name="attempt">The attempt (values below 1 count as 1).</param>
    /// <param name="settings">Initial delay, factor, maximum, jitter.</param>
    /// <param name="sample">A random sample in [0, 1).</param>
    /// <returns>The delay.</returns>
    public static TimeSpan Backoff(int attempt, RestartSettings settings, double sample)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponent = Math.Max(attempt, 1) - 1;
        var ticks = settings.InitialDelay.Ticks * Math.Pow(settings.Factor, exponent);
        var full = double.IsFinite(ticks) && ticks < settings.MaxDelay.Ticks ? ticks : settings.MaxDelay.Ticks;
        var jittered = full * (1 - (settings.Jitter * Math.Clamp(sample, 0, 1)));
        return TimeSpan.FromTicks((long)Math.Round(jittered));
    }

    private RestartDecision GiveUp(string what, int restarts, string why, List<DateTimeOffset> window)
    {
        State = State with { Failed = true, GaveUpAfter = restarts, RestartTimes = window };
        return new RestartDecision(RestartAction.GiveUp, TimeSpan.Zero, $"{what}; failed — gave up after {restarts} restarts ({why}); start it to try again")
        {
            Budget = Settings.Budget,
        };
    }

    private static RestartDecision Leave(string reason) => new(RestartAction.LeaveAlone, TimeSpan.Zero, reason);
}

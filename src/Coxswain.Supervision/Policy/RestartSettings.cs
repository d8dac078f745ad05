namespace Coxswain.Supervision;

/// <summary>
/// How one service is healed: exponential backoff with jitter, a restart budget per window, and the time after which a
/// healthy service's counters clear. Defaults are documented constants; per service they come from <c>x-cox.restart</c>
/// (see <see cref="RestartSettingsReader"/>).
/// </summary>
public sealed record RestartSettings
{
    /// <summary>Default delay before the first restart: 1 s.</summary>
    public static readonly TimeSpan DefaultInitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Default factor between consecutive delays: 2.</summary>
    public const double DefaultFactor = 2;

    /// <summary>Default longest delay: 5 min.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>Default jitter: up to 10 % of a delay is taken off at random, so services that fail together do not restart in lockstep.</summary>
    public const double DefaultJitter = 0.1;

    /// <summary>Default budget: 10 restarts per <see cref="DefaultWindow"/>.</summary>
    public const int DefaultBudget = 10;

    /// <summary>Default budget window: 10 min.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    /// <summary>Default time a service must run healthy (or running, without a probe) before its counters clear: 1 h.</summary>
    public static readonly TimeSpan DefaultStableAfter = TimeSpan.FromHours(1);

    /// <summary>The defaults.</summary>
    public static RestartSettings Default { get; } = new();

    /// <summary>Delay before the first restart of a run of failures.</summary>
    public TimeSpan InitialDelay { get; init; } = DefaultInitialDelay;

    /// <summary>Each further delay is the previous one times this factor (at least 1).</summary>
    public double Factor { get; init; } = DefaultFactor;

    /// <summary>No delay is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = DefaultMaxDelay;

    /// <summary>Fraction (0–1) of each delay that may be taken off at random; 0 for exact delays.</summary>
    public double Jitter { get; init; } = DefaultJitter;

    /// <summary>At most this many restarts within <see cref="Window"/>; one more failure makes the service failed.</summary>
    public int Budget { get; init; } = DefaultBudget;

    /// <summary>The sliding window the budget counts restarts in.</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>After running healthy this long, the failure counters clear.</summary>
    public TimeSpan StableAfter { get; init; } = DefaultStableAfter;

    /// <summary>Every problem with these settings, each naming the field (empty when valid).</summary>
    /// <param name="path">Where the settings came from, prefixed to each problem (e.g. <c>services.db.x-cox.restart</c>).</param>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate(string path = "restart")
    {
        var errors = new List<string>();
        if (InitialDelay < TimeSpan.Zero)
        {
            errors.Add($"{path}.initial_delay: must not be negative (got {InitialDelay})");
        }

        if (!(Factor >= 1) || double.IsInfinity(Factor))
        {
            errors.Add($"{path}.factor: must be a number of at least 1 (got {Factor})");
        }

        if (MaxDelay < InitialDelay)
        {
            errors.Add($"{path}.max_delay: must be at least initial_delay ({InitialDelay}) (got {MaxDelay})");
        }

        if (!(Jitter >= 0 && Jitter <= 1))
        {
            errors.Add($"{path}.jitter: must be between 0 and 1 (got {Jitter})");
        }

        if (Budget < 1)
        {
            errors.Add($"{path}.budget: must be at least 1 (got {Budget})");
        }

        if (Window <= TimeSpan.Zero)
        {
            errors.Add($"{path}.window: must be positive (got {Window})");
        }

        if (StableAfter <= TimeSpan.Zero)
        {
            errors.Add($"{path}.stable_after: must be positive (got {StableAfter})");
        }

        return errors;
    }
}

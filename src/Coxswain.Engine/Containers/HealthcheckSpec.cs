namespace Coxswain.Engine;

/// <summary>A healthcheck in the engine's form: <see cref="Test"/> is ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"].</summary>
public sealed record HealthcheckSpec(IReadOnlyList<string> Test)
{
    /// <summary>Time between probes.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Time a probe may take.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Consecutive failures before unhealthy.</summary>
    public int? Retries { get; init; }

    /// <summary>Grace period after start during which failures do not count.</summary>
    public TimeSpan? StartPeriod { get; init; }

    /// <summary>Time between probes during the start period.</summary>
    public TimeSpan? StartInterval { get; init; }
}

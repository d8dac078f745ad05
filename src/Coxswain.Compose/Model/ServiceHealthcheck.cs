namespace Coxswain.Compose;

/// <summary>A service's healthcheck. Unset timings are null (the image's or the engine's default applies).</summary>
public sealed record ServiceHealthcheck
{
    /// <summary>The probe in the engine's form: <c>["CMD", "arg", ...]</c>, <c>["CMD-SHELL", "command"]</c>, <c>["NONE"]</c>, or empty when only timings are overridden.</summary>
    public IReadOnlyList<string> Test { get; init; } = [];

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

    /// <summary>True for <c>disable: true</c> or <c>test: NONE</c>: no healthcheck, not even the image's.</summary>
    public bool Disabled { get; init; }
}

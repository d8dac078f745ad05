using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>
/// A healthcheck Coxswain runs itself through the exec API: the command and its timings, with Compose's defaults applied.
/// Build one from a Compose healthcheck with <see cref="FromCompose"/>.
/// </summary>
/// <param name="Command">The exec command: the arguments after <c>CMD</c>, or <c>["/bin/sh", "-c", script]</c> for <c>CMD-SHELL</c>.</param>
public sealed record HealthProbe(IReadOnlyList<string> Command)
{
    /// <summary>Compose's default time between probes: 30 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>Compose's default time a probe may take: 30 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Compose's default start period: none.</summary>
    public static readonly TimeSpan DefaultStartPeriod = TimeSpan.Zero;

    /// <summary>Compose's default time between probes during the start period: 5 s.</summary>
    public static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);

    /// <summary>Compose's default number of consecutive failures before unhealthy: 3.</summary>
    public const int DefaultRetries = 3;

    /// <summary>Time between probes once the start period is over (or the container was healthy once).</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Time a probe may take; a slower probe counts as a failure.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Consecutive failures (outside the start period) that make the container unhealthy.</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>Time after the container's start during which failures do not count (a pass still makes it healthy).</summary>
    public TimeSpan StartPeriod { get; init; } = DefaultStartPeriod;

    /// <summary>Time between probes during the start period.</summary>
    public TimeSpan StartInterval { get; init; } = DefaultStartInterval;

    /// <summary>
    /// When set, while the container is starting, probes run this long after the start and after each other (instead of a
    /// full (start) interval) until the time Docker would run its first probe, so health is known sooner than Docker knows it. Failures of probes before the first regular probe time do
    /// not count, so an early probe can make a container healthy sooner but never unhealthy sooner. Null: Docker's schedule.
    /// </summary>
    public TimeSpan? FirstProbeDelay { get; init; }

    /// <summary>The command as one line, for messages.</summary>
    public string CommandText => string.Join(' ', Command);

    /// <summary>
    /// The probe for a Compose healthcheck, or null when there is none Coxswain can run: no healthcheck, <c>disable: true</c>,
    /// <c>test: NONE</c>, or only timings without a test (the image's own healthcheck, which Coxswain does not read).
    /// Unset or non-positive timings take Compose's defaults (interval 30 s, timeout 30 s, retries 3, start_period 0, start_interval 5 s).
    /// </summary>
    /// <exception cref="ArgumentException">When the test is not <c>CMD</c>, <c>CMD-SHELL</c> or <c>NONE</c> form, or has no command.</exception>
    public static HealthProbe? FromCompose(ServiceHealthcheck? healthcheck)
    {
        if (healthcheck is null || healthcheck.Disabled || healthcheck.Test.Count == 0)
        {
            return null;
        }

        var command = CommandFromTest(healthcheck.Test);
        if (command is null)
        {
            return null;
        }

        return new HealthProbe(command)
        {
            Interval = Positive(healthcheck.Interval) ?? DefaultInterval,
            Timeout = Positive(healthcheck.Timeout) ?? DefaultTimeout,
            Retries = healthcheck.Retries is > 0 and var retries ? retries : DefaultRetries,
            StartPeriod = Positive(healthcheck.StartPeriod) ?? DefaultStartPeriod,
            StartInterval = Positive(healthcheck.StartInterval) ?? DefaultStartInterval,
        };
    }

    /// <summary>The exec command for a test in the engine's form; null for <c>["NONE"]</c>.</summary>
    /// <exception cref="ArgumentException">When the form is unknown or the command is missing.</exception>
    public static IReadOnlyList<string>? CommandFromTest(IReadOnlyList<string> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var kind = test.Count == 0 ? "" : test[0];
        switch (kind)
        {
            case "NONE":
                return null;
            case "CMD" when test.Count > 1:
                return [.. test.Skip(1)];
            case "CMD-SHELL" when test.Count == 2 && !string.IsNullOrWhiteSpace(test[1]):
                return ["/bin/sh", "-c", test[1]];
            default:
                throw new ArgumentException(
                    $"healthcheck test [{string.Join(", ", test)}] is not one of [\"CMD\", args...], [\"CMD-SHELL\", \"command\"] or [\"NONE\"]; write it in one of those forms",
                    nameof(test));
        }
    }

    private static TimeSpan? Positive(TimeSpan? value) => value > TimeSpan.Zero ? value : null;
}

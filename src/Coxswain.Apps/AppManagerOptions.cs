using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Where the catalog and the state are, and the timings of installs and upgrades.</summary>
public sealed record AppManagerOptions
{
    /// <summary>Default log lines quoted when an app does not come up, and returned by logs when no count is given.</summary>
    public const int DefaultLogTailLines = 20;

    /// <summary>Default time an install, start or upgrade may wait for the app to become healthy: 2 minutes.</summary>
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Default delays before the retries of a failed pull: 5 s, then 15 s (three attempts in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultPullRetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>The catalog folder: one sub-folder per app id holding its <c>compose.yaml</c>.</summary>
    public required string CatalogDirectory { get; init; }

    /// <summary>The folder where installed apps are recorded (created owner-only).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The clock of every delay and timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The delays before each retry of a failed pull; the pull is tried once more than there are delays.</summary>
    public IReadOnlyList<TimeSpan> PullRetryDelays { get; init; } = DefaultPullRetryDelays;

    /// <summary>How long an install, start, restart or upgrade waits for each service to be healthy (or running, without a healthcheck).</summary>
    public TimeSpan HealthTimeout { get; init; } = DefaultHealthTimeout;

    /// <summary>Log lines quoted per container when an app does not come up.</summary>
    public int LogTailLines { get; init; } = DefaultLogTailLines;

    /// <summary>The variables Compose interpolation sees (besides each app's own <c>.env</c>); empty by default so the host's
    /// environment never leaks into apps.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Engine operations at once within one app.</summary>
    public int MaxParallelism { get; init; } = StackExecutorOptions.DefaultMaxParallelism;

    /// <summary>The host's running probes, when it has them: health answers come from here first (else one probe runs now).</summary>
    public HealthMonitor? HealthMonitor { get; init; }

    /// <summary>Receives the progress of the stack operations.</summary>
    public IProgress<StackEvent>? Progress { get; init; }
}

namespace Coxswain.Stacks;

/// <summary>How a <see cref="StackPlan"/> is carried out.</summary>
public sealed record StackExecutorOptions
{
    /// <summary>Default bound on operations running at once. Kept at 8: with 32, and every create of a 30-service stack
    /// at once, dockerd 20.10 twice kept a stale endpoint on the project network ("has active endpoints" with no container
    /// left, until dockerd restarted).</summary>
    public const int DefaultMaxParallelism = 8;

    /// <summary>Default retries of a failed pull.</summary>
    public const int DefaultPullRetries = 3;

    /// <summary>Default log lines shown when a container exits during up.</summary>
    public const int DefaultLogTailLines = 20;

    /// <summary>Default time a wait may take.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Default delay of the first probe after a start while <c>up</c> waits for health: Docker's first probe comes
    /// a full interval after the start, which would make every tier of a stack wait an interval for nothing.</summary>
    public static readonly TimeSpan DefaultFirstProbeDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Default first delay between pull attempts (doubling).</summary>
    public static readonly TimeSpan DefaultPullBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The clock of every delay and timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>At most this many operations at once.</summary>
    public int MaxParallelism { get; init; } = DefaultMaxParallelism;

    /// <summary>When <c>up</c> waits for health, the first probe runs this long after the start (null: Docker's schedule).
    /// An early failure does not count, so it can make a service healthy sooner but never unhealthy sooner.</summary>
    public TimeSpan? FirstProbeDelay { get; init; } = DefaultFirstProbeDelay;

    /// <summary>Attempts at removing a network that the engine still reports in use (see <see cref="NetworkRemoveRetryDelay"/>).</summary>
    public int NetworkRemoveAttempts { get; init; } = 10;

    /// <summary>First delay between attempts at removing a network the engine still reports in use (doubling, at most 1 s):
    /// dockerd releases a removed container's endpoints a moment after the remove call returns.</summary>
    public TimeSpan NetworkRemoveRetryDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Retries of a failed pull, with exponential backoff from <see cref="PullBackoff"/>.</summary>
    public int PullRetries { get; init; } = DefaultPullRetries;

    /// <summary>First delay between pull attempts.</summary>
    public TimeSpan PullBackoff { get; init; } = DefaultPullBackoff;

    /// <summary>How long one wait (depends_on condition, --wait) may take.</summary>
    public TimeSpan WaitTimeout { get; init; } = DefaultWaitTimeout;

    /// <summary>Log lines quoted when a container exits during up.</summary>
    public int LogTailLines { get; init; } = DefaultLogTailLines;

    /// <summary>Receives progress.</summary>
    public IProgress<StackEvent>? Progress { get; init; }

    /// <summary>When an <c>up</c> fails, remove the containers this run created that are not running (the default). Callers that
    /// roll back more themselves (an app install removes everything it created, after reading the log tails) turn it off.</summary>
    public bool RollBackOnFailure { get; init; } = true;

    /// <summary>How waits are carried out; null = <see cref="StackReadiness"/>.</summary>
    public IStackReadiness? Readiness { get; init; }
}

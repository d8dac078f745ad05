namespace Coxswain.Engine;

/// <summary>The engine's view of a container's runtime state.</summary>
public sealed record ContainerState
{
    /// <summary>Lifecycle status.</summary>
    public required ContainerStatus Status { get; init; }

    /// <summary>Whether the main process is running (also true while paused or restarting).</summary>
    public bool Running { get; init; }

    /// <summary>Exit code of the last run (0 when never run).</summary>
    public long ExitCode { get; init; }

    /// <summary>Whether the kernel's OOM killer ended the last run.</summary>
    public bool OomKilled { get; init; }

    /// <summary>Pid of the main process (0 when not running).</summary>
    public long Pid { get; init; }

    /// <summary>Engine error for the last start, if any.</summary>
    public string Error { get; init; } = "";

    /// <summary>When the last run started; null when never started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last run ended; null when it has not.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The engine's own healthcheck state; null when the container has none.</summary>
    public HealthState? Health { get; init; }
}

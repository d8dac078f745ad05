namespace Coxswain.Supervision;

/// <summary>Why a supervised container is not running as it should.</summary>
public enum FailureKind
{
    /// <summary>It exited with code 0 by itself.</summary>
    CleanExit,

    /// <summary>It exited with a non-zero code other than a kill.</summary>
    Crashed,

    /// <summary>The kernel's OOM killer ended it (<c>OOMKilled</c>, an <c>oom</c> event, or the cgroup's <c>oom_kill</c> counter).</summary>
    OomKilled,

    /// <summary>It ended with SIGKILL (exit 137) without an OOM, and nobody asked Coxswain to stop it.</summary>
    Killed,

    /// <summary>Its probe failed <c>retries</c> times in a row.</summary>
    Unhealthy,

    /// <summary>It exists but was never started (or a start left it in <c>created</c>).</summary>
    StuckCreated,

    /// <summary>It was removed behind Coxswain's back.</summary>
    Removed,

    /// <summary>Coxswain's start (or restart) of it failed.</summary>
    StartFailed,
}

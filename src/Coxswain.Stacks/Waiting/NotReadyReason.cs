namespace Coxswain.Stacks;

/// <summary>Why a wait ended without the condition holding.</summary>
public enum NotReadyReason
{
    /// <summary>The container exited (or died) while it was expected to run.</summary>
    Exited,

    /// <summary>The condition failed for good: non-zero exit of a one-shot, unhealthy, no healthcheck.</summary>
    ConditionFailed,

    /// <summary>The wait's timeout passed.</summary>
    TimedOut,

    /// <summary>The container was removed.</summary>
    Removed,
}

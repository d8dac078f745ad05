namespace Coxswain.Plans;

/// <summary>Why a task did not run (or did not finish).</summary>
public enum SkipCause
{
    /// <summary>It ran.</summary>
    None,

    /// <summary>A condition said no: only-if-changed, a When guard, or the operation skipped itself. Counts as a success.</summary>
    Condition,

    /// <summary>A dependency failed (or was itself skipped for that), under the Continue strategy.</summary>
    DependencyFailed,

    /// <summary>Another task failed under StopAll, so this one was not started or was cancelled.</summary>
    Stopped,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled,
}

namespace Coxswain.Plans;

/// <summary>How a whole run ended (or stands, in a journal).</summary>
public enum RunStatus
{
    /// <summary>Still running — or the process died during the run (a journal then shows it resumable).</summary>
    Running,

    /// <summary>No task failed and the run was not cancelled.</summary>
    Succeeded,

    /// <summary>At least one task failed.</summary>
    Failed,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled,
}

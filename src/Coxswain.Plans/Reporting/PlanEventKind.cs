namespace Coxswain.Plans;

/// <summary>What a <see cref="PlanEvent"/> reports.</summary>
public enum PlanEventKind
{
    /// <summary>The run started (no task name).</summary>
    RunStarted,

    /// <summary>A task's first attempt started.</summary>
    TaskStarted,

    /// <summary>An attempt failed and the task will be tried again after <see cref="PlanEvent.Delay"/>.</summary>
    TaskRetrying,

    /// <summary>A task ended (ran, was skipped, failed or was cancelled): see <see cref="PlanEvent.Report"/>.</summary>
    TaskFinished,

    /// <summary>A running operation reported a line (<see cref="TaskContext.Log"/>).</summary>
    TaskLog,

    /// <summary>The run ended: the last event.</summary>
    RunFinished,
}

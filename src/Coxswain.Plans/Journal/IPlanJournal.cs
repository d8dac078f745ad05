namespace Coxswain.Plans.Journal;

/// <summary>
/// Where runs and task results are recorded as they happen, so a crashed or failed run can be
/// resumed (<see cref="Plan.ResumeAsync"/>) and past runs listed.
/// </summary>
/// <remarks>
/// <see cref="RecordTask"/> is called on the executor's hot path and must only queue; a journal may
/// write in batches. A result that was not yet written when the process died is simply missing,
/// so that task runs again on resume: results are at-least-once, never lost-and-trusted.
/// </remarks>
public interface IPlanJournal
{
    /// <summary>Records that a run starts (or resumes). Throws <see cref="PlanJournalException"/> if the journal cannot be written.</summary>
    /// <param name="run">The run's identity and plan definition.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task StartRunAsync(JournalRunStart run, CancellationToken cancellationToken);

    /// <summary>Queues one task's final result. Must not block.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="report">The task's report.</param>
    void RecordTask(string runId, TaskReport report);

    /// <summary>Writes everything queued, then the run's final status.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="status">How it ended.</param>
    /// <param name="finishedAt">When, on the plan's clock.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>The run with this id, or null.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<JournalRun?> FindRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The plan definition the run was started with: task name → task hash.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyDictionary<string, string>> ReadDefinitionAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The latest recorded result of each task of the run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<TaskReport>> ReadTaskResultsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Past runs, newest first.</summary>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<JournalRun>> ListRunsAsync(int limit, CancellationToken cancellationToken);
}

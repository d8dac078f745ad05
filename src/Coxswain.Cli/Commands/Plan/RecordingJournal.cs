using Coxswain.Plans;
using Coxswain.Plans.Journal;

namespace Coxswain.Cli.Commands.Plan;

/// <summary>A journal that, when a new run starts, also saves how to resume it (<see cref="PlanRunRecords"/>) and tells the caller the run id.</summary>
internal sealed class RecordingJournal(IPlanJournal inner, PlanRunRecords records, Func<string, PlanRunRecord> describe, Action<string> started) : IPlanJournal
{
    public async Task StartRunAsync(JournalRunStart run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await inner.StartRunAsync(run, cancellationToken).ConfigureAwait(false);
        if (!run.IsResume)
        {
            records.Save(describe(run.RunId));
        }

        started(run.RunId);
    }

    public void RecordTask(string runId, TaskReport report) => inner.RecordTask(runId, report);

    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        inner.FinishRunAsync(runId, status, finishedAt, cancellationToken);

    public Task<JournalRun?> FindRunAsync(string runId, CancellationToken cancellationToken) => inner.FindRunAsync(runId, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ReadDefinitionAsync(string runId, CancellationToken cancellationToken) =>
        inner.ReadDefinitionAsync(runId, cancellationToken);

    public Task<IReadOnlyList<TaskReport>> ReadTaskResultsAsync(string runId, CancellationToken cancellationToken) =>
        inner.ReadTaskResultsAsync(runId, cancellationToken);

    public Task<IReadOnlyList<JournalRun>> ListRunsAsync(int limit, CancellationToken cancellationToken) => inner.ListRunsAsync(limit, cancellationToken);
}

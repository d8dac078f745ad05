using System.Security.Cryptography;
using Coxswain.Plans.Journal;

namespace Coxswain.Plans;

/// <summary>Running: plain, journaled, and resumed.</summary>
public sealed partial class Plan
{
    /// <summary>
    /// Runs the plan. Cancelling <paramref name="cancellationToken"/> (Ctrl+C) cancels running tasks
    /// and reports them — and every task not started — Cancelled.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report; task failures are in it, not thrown.</returns>
    /// <exception cref="PlanValidationException">The plan is not valid (nothing ran).</exception>
    public async Task<Report> RunAsync(CancellationToken cancellationToken = default)
    {
        var graph = Compile();
        EnterRun();
        try
        {
            return await new PlanExecution(graph, Options, cancellationToken).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            ExitRun();
        }
    }

    /// <summary>
    /// Runs the plan under a new run id, recording the run and each task's result in
    /// <paramref name="journal"/> as it finishes, so it can be resumed with <see cref="ResumeAsync"/>.
    /// </summary>
    /// <param name="journal">Where to record.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report, with <see cref="Report.RunId"/> set.</returns>
    /// <exception cref="PlanJournalException">The journal cannot be written (before any task runs, or at the end).</exception>
    public async Task<Report> RunAsync(IPlanJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var graph = Compile();
        var fingerprint = PlanFingerprint.Compute(graph.Tasks);
        var time = Options.TimeProvider;
        var now = time.GetUtcNow();
        var runId = $"{now:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        EnterRun();
        try
        {
            await journal.StartRunAsync(new JournalRunStart(runId, Name, fingerprint.Hash, fingerprint.Tasks, now, IsResume: false), cancellationToken).ConfigureAwait(false);
            return await RunJournaledAsync(graph, journal, runId, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitRun();
        }
    }

    /// <summary>
    /// Resumes a journaled run: tasks that succeeded in it (Changed, Unchanged, or Skipped by a
    /// condition) are not run again and keep their results (so conditions see them); every other
    /// task runs. Refuses when the plan changed since the run started, naming the tasks added,
    /// removed and changed.
    /// </summary>
    /// <param name="journal">The journal holding the run.</param>
    /// <param name="runId">The run to resume.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report of the whole run (resumed tasks have <see cref="TaskReport.Resumed"/> set).</returns>
    /// <exception cref="PlanResumeException">No such run, or the plan changed.</exception>
    public async Task<Report> ResumeAsync(IPlanJournal journal, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var graph = Compile();
        var fingerprint = PlanFingerprint.Compute(graph.Tasks);
        EnterRun();
        try
        {
            var run = await journal.FindRunAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new PlanResumeException($"Cannot resume run '{runId}' of plan '{Name}': the journal has no such run. List the runs in the journal to find its id.");
            if (run.PlanHash != fingerprint.Hash)
            {
                var recorded = await journal.ReadDefinitionAsync(runId, cancellationToken).ConfigureAwait(false);
                throw PlanDifference.Describe(Name, runId, recorded, fingerprint.Tasks);
            }

            var resumed = new TaskReport?[graph.Tasks.Length];
            foreach (var previous in await journal.ReadTaskResultsAsync(runId, cancellationToken).ConfigureAwait(false))
            {
                if (previous.Succeeded && graph.Index.TryGetValue(previous.Name, out var i))
                {
                    resumed[i] = previous with { Resumed = true };
                }
            }

            await journal.StartRunAsync(new JournalRunStart(runId, Name, fingerprint.Hash, fingerprint.Tasks, Options.TimeProvider.GetUtcNow(), IsResume: true), cancellationToken).ConfigureAwait(false);
            return await RunJournaledAsync(graph, journal, runId, resumed, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitRun();
        }
    }

    private async Task<Report> RunJournaledAsync(CompiledPlan graph, IPlanJournal journal, string runId, TaskReport?[]? resumed, CancellationToken cancellationToken)
    {
        Report report;
        try
        {
            report = await new PlanExecution(graph, Options, cancellationToken, journal, runId, resumed).RunAsync().ConfigureAwait(false);
        }
        catch
        {
            await journal.FinishRunAsync(runId, RunStatus.Failed, Options.TimeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await journal.FinishRunAsync(runId, report.Status, Options.TimeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return report;
    }
}

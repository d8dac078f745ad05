using System.Threading.Channels;
using Coxswain.Plans.Journal;

namespace Coxswain.Plans;

/// <summary>
/// One run of a compiled plan. A single dispatcher owns all scheduling state: in-degree counters,
/// a ready heap ordered by insertion index, and the reports. Tasks whose operation completes
/// synchronously finish inline (no allocation beyond their context and report); the others run
/// as async continuations that post their outcome to a channel the dispatcher drains.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One execution is one run: RunAsync disposes runCts when the run ends.")]
internal sealed partial class PlanExecution
{
    private readonly CompiledPlan graph;
    private readonly string planName;
    private readonly TimeProvider time;
    private readonly int maxParallelism;
    private readonly ErrorStrategy planStrategy;
    private readonly TimeSpan? defaultTimeout;
    private readonly IProgress<PlanEvent>? progress;
    private readonly IEngineResolver? engines;
    private readonly TaskReport[] reports;
    private readonly bool[] finishedFlags;
    private readonly int[] waiting;
    private readonly IntMinHeap ready;
    private readonly PlanResults results;
    private readonly CancellationTokenSource runCts = new();
    private readonly CancellationToken callerToken;
    private readonly TaskReport?[]? resumed;
    private readonly IPlanJournal? journal;
    private readonly string? runId;
    private readonly Lock progressGate = new();
    private readonly Action<TaskContext, string>? logSink;
    private int[]? failureRoot;
    private Channel<Outcome>? completions;
    private int running;
    private int finished;
    private StopState stop;
    private string? stopTask;

    public PlanExecution(CompiledPlan graph, PlanOptions options, CancellationToken callerToken, IPlanJournal? journal = null, string? runId = null, TaskReport?[]? resumed = null)
    {
        this.graph = graph;
        planName = options.Name;
        time = options.TimeProvider;
        maxParallelism = options.MaxParallelism;
        planStrategy = options.ErrorStrategy;
        defaultTimeout = options.DefaultTimeout;
        progress = options.Progress;
        engines = options.Engines;
        this.callerToken = callerToken;
        this.journal = journal;
        this.runId = runId;
        this.resumed = resumed;
        var n = graph.Tasks.Length;
        reports = new TaskReport[n];
        finishedFlags = new bool[n];
        waiting = new int[n];
        ready = new IntMinHeap(Math.Min(n, 1024));
        results = new PlanResults(reports, finishedFlags, graph.Index);
        if (progress is not null)
        {
            logSink = (context, message) => Emit(new PlanEvent(PlanEventKind.TaskLog, context.TaskName, time.GetUtcNow()) { Message = message, Attempt = context.Attempt });
        }
    }

    private enum StopState
    {
        None,
        Failure,
        Cancelled,
    }

    public async Task<Report> RunAsync()
    {
        var startedAt = time.GetUtcNow();
        var start = time.GetTimestamp();
        Emit(new PlanEvent(PlanEventKind.RunStarted, null, startedAt));
        var n = graph.Tasks.Length;
        for (var i = 0; i < n; i++)
        {
            waiting[i] = graph.PredStart[i + 1] - graph.PredStart[i];
            if (waiting[i] == 0)
            {
                ready.Push(i);
            }
        }

        using (callerToken.UnsafeRegister(static s => CancelQuietly((CancellationTokenSource)s!), runCts))
        {
            while (true)
            {
                Pump();
                if (finished == n)
                {
                    break;
                }

                if (running == 0 || completions is null)
                {
                    throw new InvalidOperationException($"Plan '{planName}': the executor stalled with {n - finished} tasks unfinished and none running (this is a bug).");
                }

                var reader = completions.Reader;
                await reader.WaitToReadAsync().ConfigureAwait(false);
                while (reader.TryRead(out var outcome))
                {
                    running--;
                    Finish(outcome);
                }
            }
        }

        runCts.Dispose();
        var anyFailed = false;
        for (var i = 0; i < n; i++)
        {
            anyFailed |= reports[i].Status == PlanTaskStatus.Failed;
        }

        var status = stop == StopState.Cancelled ? RunStatus.Cancelled : anyFailed ? RunStatus.Failed : RunStatus.Succeeded;
        Emit(new PlanEvent(PlanEventKind.RunFinished, null, time.GetUtcNow()) { RunStatus = status });
        return new Report(planName, runId, status, startedAt, time.GetElapsedTime(start), reports, graph.Index);
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (AggregateException)
        {
            // A callback registered by an operation threw; that operation reports its own outcome.
        }
        catch (ObjectDisposedException)
        {
            // The run already ended.
        }
    }

    /// <summary>Starts ready tasks while there is room; once stopping, settles every ready task at once.</summary>
    private void Pump()
    {
        while (ready.Count > 0)
        {
            if (stop == StopState.None && runCts.IsCancellationRequested)
            {
                stop = StopState.Cancelled;
            }

            if (stop == StopState.None && running >= maxParallelism)
            {
                return;
            }

            Start(ready.Pop());
        }
    }

    private void Start(int i)
    {
        var task = graph.Tasks[i];
        if (resumed?[i] is { } previous)
        {
            Complete(i, previous);
            return;
        }

        if (stop != StopState.None)
        {
            Complete(i, NotStarted(task));
            return;
        }

        if (CheckConditions(i, task) is { } settled)
        {
            Complete(i, settled);
            return;
        }

        var context = new TaskContext(task, results, time, engines, logSink, isDryRun: false);
        var startedAt = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        if (progress is not null)
        {
            Emit(new PlanEvent(PlanEventKind.TaskStarted, task.Name, startedAt) { Attempt = 1 });
        }

        var strategy = task.ErrorStrategy ?? planStrategy;
        var timeout = task.Timeout ?? defaultTimeout;
        if (timeout is not null)
        {
            StartSlow(new Outcome(i, context, startTimestamp, startedAt, strategy, timeout), default, null);
            return;
        }

        ValueTask<TaskResult> pending;
        try
        {
            pending = task.Operation.ExecuteAsync(context, runCts.Token);
        }
        catch (Exception ex)
        {
            var failed = new Outcome(i, context, startTimestamp, startedAt, strategy, null) { Attempts = 1 };
            if (ex is OperationCanceledException && runCts.IsCancellationRequested)
            {
                failed.Cancelled = true;
                Finish(failed);
            }
            else if (strategy.Retries == 0)
            {
                SetError(failed, ex);
                Finish(failed);
            }
            else
            {
                StartSlow(failed, default, ex);
            }

            return;
        }

        if (pending.IsCompletedSuccessfully)
        {
            FinishSuccess(i, pending.Result, 1, startTimestamp, startedAt);
            return;
        }

        StartSlow(new Outcome(i, context, startTimestamp, startedAt, strategy, null), pending, null);
    }

    /// <summary>Turns an outcome into the task's report and completes it (dispatcher only).</summary>
    private void Finish(Outcome o)
    {
        if (o.Cancelled)
        {
            if (stop == StopState.None)
            {
                stop = StopState.Cancelled;
            }

            var task = graph.Tasks[o.Index];
            Complete(o.Index, new TaskReport(task.Name, PlanTaskStatus.Cancelled)
            {
                SkipCause = stop == StopState.Failure ? SkipCause.Stopped : SkipCause.Cancelled,
                SkipReason = stop == StopState.Failure
                    ? $"cancelled: task '{stopTask}' failed and the plan stops on errors (stop_all)"
                    : "cancelled: the run was cancelled",
                Attempts = o.Attempts,
                Duration = time.GetElapsedTime(o.StartTimestamp),
                StartedAt = o.StartedAt,
            });
        }
        else if (o.Error is not null)
        {
            var task = graph.Tasks[o.Index];
            Complete(o.Index, new TaskReport(task.Name, PlanTaskStatus.Failed)
            {
                Error = o.Attempts > 1 ? $"{o.Error} (failed {o.Attempts} attempts)" : o.Error,
                Exception = o.Exception,
                Attempts = o.Attempts,
                Duration = time.GetElapsedTime(o.StartTimestamp),
                StartedAt = o.StartedAt,
            });
        }
        else
        {
            FinishSuccess(o.Index, o.Result, o.Attempts, o.StartTimestamp, o.StartedAt);
        }
    }

    /// <summary>Completes a task whose operation returned (the synchronous fast path calls this directly).</summary>
    private void FinishSuccess(int i, TaskResult? result, int attempts, long startTimestamp, DateTimeOffset startedAt)
    {
        var task = graph.Tasks[i];
        var duration = time.GetElapsedTime(startTimestamp);
        TaskReport report;
        if (result is null)
        {
            report = new TaskReport(task.Name, PlanTaskStatus.Failed)
            {
                Error = $"The operation of task '{task.Name}' ({task.Operation.Kind}) returned no result (null).",
                Attempts = attempts,
                Duration = duration,
                StartedAt = startedAt,
            };
        }
        else if (result.SkipReason is { } skip)
        {
            report = new TaskReport(task.Name, PlanTaskStatus.Skipped)
            {
                SkipCause = SkipCause.Condition,
                SkipReason = skip,
                Message = result.Message,
                Attempts = attempts,
                Duration = duration,
                StartedAt = startedAt,
            };
        }
        else
        {
            report = new TaskReport(task.Name, result.IsChanged ? PlanTaskStatus.Changed : PlanTaskStatus.Unchanged)
            {
                Message = result.Message,
                Attempts = attempts,
                Duration = duration,
                StartedAt = startedAt,
            };
        }

        Complete(i, report);
    }

    /// <summary>Records a final report, applies the error strategy, and releases the task's successors.</summary>
    private void Complete(int i, TaskReport report)
    {
        reports[i] = report;
        Volatile.Write(ref finishedFlags[i], true);
        finished++;
        var task = graph.Tasks[i];
        if (report.Status == PlanTaskStatus.Failed && stop == StopState.None
            && (task.ErrorStrategy ?? planStrategy).Then == FailureAction.StopAll)
        {
            stop = StopState.Failure;
            stopTask = task.Name;
            CancelQuietly(runCts);
        }

        if (journal is not null && !report.Resumed)
        {
            journal.RecordTask(runId!, report);
        }

        if (progress is not null)
        {
            Emit(new PlanEvent(PlanEventKind.TaskFinished, task.Name, time.GetUtcNow()) { Report = report, Attempt = report.Attempts });
        }

        foreach (var s in graph.SuccessorsOf(i))
        {
            if (--waiting[s] == 0)
            {
                ready.Push(s);
            }
        }
    }

    private void Emit(PlanEvent e)
    {
        if (progress is null)
        {
            return;
        }

        lock (progressGate)
        {
            try
            {
                progress.Report(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing progress display must not break the run it reports on.
            }
        }
    }
}

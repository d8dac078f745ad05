using System.Threading.Channels;

namespace Coxswain.Plans;

/// <summary>The slow path: tasks that await, retry, or have a timeout.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See PlanExecution.cs.")]
internal sealed partial class PlanExecution
{
    private void StartSlow(Outcome outcome, ValueTask<TaskResult> pending, Exception? firstError)
    {
        completions ??= Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        running++;
        _ = RunSlowAsync(outcome, pending, firstError);
    }

    private async Task RunSlowAsync(Outcome o, ValueTask<TaskResult> pending, Exception? firstError)
    {
        try
        {
            await RunAttemptsAsync(o, pending, firstError).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SetError(o, ex);
        }

        completions!.Writer.TryWrite(o);
    }

    private async Task RunAttemptsAsync(Outcome o, ValueTask<TaskResult> pending, Exception? firstError)
    {
        var task = graph.Tasks[o.Index];
        var token = runCts.Token;
        var hasPending = firstError is null && o.Timeout is null;
        var attempt = 0;
        try
        {
            if (o.Strategy.Retries == 0)
            {
                o.Result = await AttemptAsync(token).ConfigureAwait(false);
            }
            else
            {
                var pipeline = RetryPipeline.Create(o.Strategy, time, progress is null ? null : (failed, delay, error) =>
                    Emit(new PlanEvent(PlanEventKind.TaskRetrying, task.Name, time.GetUtcNow()) { Attempt = failed, Delay = delay, Error = error.Message }));
                o.Result = await pipeline.ExecuteAsync(AttemptAsync, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            o.Cancelled = true;
        }
        catch (Exception ex)
        {
            SetError(o, ex);
        }

        async ValueTask<TaskResult> AttemptAsync(CancellationToken ct)
        {
            attempt++;
            o.Attempts = attempt;
            o.Context.Attempt = attempt;
            if (firstError is not null)
            {
                var error = firstError;
                firstError = null;
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            if (hasPending)
            {
                hasPending = false;
                return await pending.ConfigureAwait(false);
            }

            if (o.Timeout is not { } limit)
            {
                return await task.Operation.ExecuteAsync(o.Context, ct).ConfigureAwait(false);
            }

            using var timeoutSource = new CancellationTokenSource(limit, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
            try
            {
                return await task.Operation.ExecuteAsync(o.Context, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Task '{task.Name}' timed out after {DurationText.Format(limit)} (attempt {attempt} of {o.Strategy.Retries + 1}).", ex);
            }
        }
    }

    private static void SetError(Outcome o, Exception ex)
    {
        o.Exception = ex;
        o.Error = ex.Message;
    }

    /// <summary>What one task's run came to, before it becomes a report on the dispatcher.</summary>
    private sealed class Outcome(int index, TaskContext context, long startTimestamp, DateTimeOffset startedAt, ErrorStrategy strategy, TimeSpan? timeout)
    {
        public int Index { get; } = index;

        public TaskContext Context { get; } = context;

        public long StartTimestamp { get; } = startTimestamp;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public ErrorStrategy Strategy { get; } = strategy;

        public TimeSpan? Timeout { get; } = timeout;

        public TaskResult? Result { get; set; }

        public string? Error { get; set; }

        public Exception? Exception { get; set; }

        public bool Cancelled { get; set; }

        public int Attempts { get; set; }
    }
}

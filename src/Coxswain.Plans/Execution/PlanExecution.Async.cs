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
        for (var attempt = 1; ; attempt++)
        {
            o.Attempts = attempt;
            o.Context.Attempt = attempt;
            Exception? error = null;
            CancellationTokenSource? timeoutSource = null;
            CancellationTokenSource? linked = null;
            try
            {
                if (firstError is not null)
                {
                    error = firstError;
                    firstError = null;
                }
                else
                {
                    ValueTask<TaskResult> call;
                    if (hasPending)
                    {
                        call = pending;
                        hasPending = false;
                    }
                    else
                    {
                        var attemptToken = token;
                        if (o.Timeout is { } limit)
                        {
                            timeoutSource = new CancellationTokenSource(limit, time);
                            linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeoutSource.Token);
                            attemptToken = linked.Token;
                        }

                        call = task.Operation.ExecuteAsync(o.Context, attemptToken);
                    }

                    o.Result = await call.ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                o.Cancelled = true;
                return;
            }
            catch (OperationCanceledException ex) when (timeoutSource?.IsCancellationRequested == true)
            {
                error = new TimeoutException(
                    $"Task '{task.Name}' timed out after {DurationText.Format(o.Timeout!.Value)} (attempt {attempt} of {o.Strategy.Retries + 1}).", ex);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                linked?.Dispose();
                timeoutSource?.Dispose();
            }

            if (attempt > o.Strategy.Retries || token.IsCancellationRequested)
            {
                SetError(o, error!);
                return;
            }

            var delay = o.Strategy.Backoff.GetDelay(attempt);
            if (progress is not null)
            {
                Emit(new PlanEvent(PlanEventKind.TaskRetrying, task.Name, time.GetUtcNow()) { Attempt = attempt, Delay = delay, Error = error!.Message });
            }

            try
            {
                await Task.Delay(delay, time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                o.Cancelled = true;
                return;
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

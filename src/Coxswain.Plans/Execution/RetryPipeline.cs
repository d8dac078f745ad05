using Polly;
using Polly.Retry;

namespace Coxswain.Plans;

/// <summary>
/// Builds the Polly retry pipeline of a task whose strategy retries: Polly runs the attempts and waits on the plan's
/// <see cref="TimeProvider"/>; the delays come from <see cref="RetryBackoff.GetDelay"/> (no jitter), so they are exact.
/// Cancellation of the run is never retried.
/// </summary>
internal static class RetryPipeline
{
    /// <summary>A pipeline retrying up to <see cref="ErrorStrategy.Retries"/> times.</summary>
    /// <param name="strategy">The task's strategy (Retries &gt; 0).</param>
    /// <param name="time">The plan's clock.</param>
    /// <param name="onRetry">Told before each wait: the attempt that failed (1-based), the delay and the error.</param>
    public static ResiliencePipeline<TaskResult> Create(ErrorStrategy strategy, TimeProvider time, Action<int, TimeSpan, Exception>? onRetry)
    {
        var backoff = strategy.Backoff;
        var options = new RetryStrategyOptions<TaskResult>
        {
            MaxRetryAttempts = strategy.Retries,
            UseJitter = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ex is not OperationCanceledException),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff.GetDelay(args.AttemptNumber + 1)),
            OnRetry = args =>
            {
                onRetry?.Invoke(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                return default;
            },
        };
        return new ResiliencePipelineBuilder<TaskResult> { TimeProvider = time }.AddRetry(options).Build();
    }
}

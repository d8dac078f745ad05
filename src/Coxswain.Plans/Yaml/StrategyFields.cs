namespace Coxswain.Plans.Yaml;

/// <summary>The error-strategy keys of a plan or task; a task's missing keys fall back to the plan's.</summary>
internal sealed record StrategyFields(string? OnError, int? Retries, TimeSpan? Delay, BackoffKind? Backoff, TimeSpan? MaxDelay)
{
    public static StrategyFields None { get; } = new(null, null, null, null, null);

    public bool Any => OnError is not null || Retries is not null || Delay is not null || Backoff is not null || MaxDelay is not null;

    public ErrorStrategy Build(StrategyFields fallback)
    {
        var onError = OnError ?? fallback.OnError ?? "stop_all";
        var retries = Retries ?? fallback.Retries ?? (onError == "retry" ? ErrorStrategy.DefaultRetries : 0);
        var then = onError == "continue" ? FailureAction.Continue : FailureAction.StopAll;
        if (retries == 0)
        {
            return then == FailureAction.Continue ? ErrorStrategy.Continue : ErrorStrategy.StopAll;
        }

        var backoff = new RetryBackoff(
            Backoff ?? fallback.Backoff ?? BackoffKind.Exponential,
            Delay ?? fallback.Delay ?? RetryBackoff.DefaultDelay,
            MaxDelay ?? fallback.MaxDelay ?? RetryBackoff.DefaultMaxDelay);
        return ErrorStrategy.Retry(retries, backoff, then);
    }
}

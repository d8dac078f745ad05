namespace Coxswain.Plans.Operations;

/// <summary>Does nothing (optionally after a delay on the plan's clock) and reports changed or not. For tests and placeholders.</summary>
/// <param name="changed">Whether to report Changed.</param>
/// <param name="delay">How long to wait first (on the plan's TimeProvider); none when null.</param>
/// <param name="message">An optional message for the report.</param>
public sealed class NoopOperation(bool changed = false, TimeSpan? delay = null, string? message = null) : IOperation
{
    /// <summary>The YAML type name: "noop".</summary>
    public const string TypeName = "noop";

    private readonly TaskResult result = message is null
        ? (changed ? TaskResult.Changed : TaskResult.Unchanged)
        : (changed ? TaskResult.ChangedWith(message) : TaskResult.UnchangedWith(message));

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => changed ? "noop (changed)" : "noop";

    /// <inheritdoc />
    public string Fingerprint => $"noop changed={changed} delay={delay?.Ticks} message={message}";

    /// <inheritdoc />
    public ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return delay is { } d && d > TimeSpan.Zero ? WaitAsync(d, context.TimeProvider, cancellationToken) : ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(changed ? CheckResult.WouldChange("a noop set to report changed") : CheckResult.NoChange());

    private async ValueTask<TaskResult> WaitAsync(TimeSpan d, TimeProvider time, CancellationToken cancellationToken)
    {
        await Task.Delay(d, time, cancellationToken).ConfigureAwait(false);
        return result;
    }
}

namespace Coxswain.Plans.Operations;

/// <summary>Fails with a message — always, or only for its first attempts (to exercise retries). For tests.</summary>
/// <param name="message">The error message.</param>
/// <param name="failAttempts">Fail only attempts 1..n, then report Changed; null to always fail.</param>
public sealed class FailOperation(string message = FailOperation.DefaultMessage, int? failAttempts = null) : IOperation
{
    /// <summary>The YAML type name: "fail".</summary>
    public const string TypeName = "fail";

    /// <summary>The message used when none is given.</summary>
    public const string DefaultMessage = "the task failed on purpose (type: fail)";

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => failAttempts is { } n ? $"fail {n} attempts" : "fail";

    /// <inheritdoc />
    public string Fingerprint => $"fail message={message} attempts={failAttempts}";

    /// <inheritdoc />
    public ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return failAttempts is { } n && context.Attempt > n
            ? ValueTask.FromResult(TaskResult.ChangedWith($"succeeded on attempt {context.Attempt}"))
            : ValueTask.FromException<TaskResult>(new InvalidOperationException(message));
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.Unknown("a 'fail' task fails when it runs"));
}

namespace Coxswain.Plans;

/// <summary>
/// What a task's operation reports when it succeeds: whether it changed something, an optional
/// message for people, or that it decided to skip itself (with the reason).
/// </summary>
/// <remarks>Failures are reported by throwing; a result is always a success or a skip.</remarks>
public sealed class TaskResult
{
    private TaskResult(bool isChanged, string? message, string? skipReason)
    {
        IsChanged = isChanged;
        Message = message;
        SkipReason = skipReason;
    }

    /// <summary>The operation changed something (shared instance, no message).</summary>
    public static TaskResult Changed { get; } = new(true, null, null);

    /// <summary>The operation found everything as wanted and changed nothing (shared instance).</summary>
    public static TaskResult Unchanged { get; } = new(false, null, null);

    /// <summary>True when the operation changed something.</summary>
    public bool IsChanged { get; }

    /// <summary>An optional line for people, shown in reports and progress.</summary>
    public string? Message { get; }

    /// <summary>When not null, the operation skipped itself and this says why.</summary>
    public string? SkipReason { get; }

    /// <summary>A changed result with a message.</summary>
    /// <param name="message">What changed.</param>
    public static TaskResult ChangedWith(string message) => new(true, message, null);

    /// <summary>An unchanged result with a message.</summary>
    /// <param name="message">Why nothing changed.</param>
    public static TaskResult UnchangedWith(string message) => new(false, message, null);

    /// <summary>The operation decided not to do anything; the task is reported Skipped.</summary>
    /// <param name="reason">Why it skipped (shown in the report).</param>
    public static TaskResult Skip(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }

    /// <inheritdoc />
    public override string ToString() =>
        SkipReason is not null ? $"skipped: {SkipReason}" : (IsChanged ? "changed" : "unchanged") + (Message is null ? "" : $": {Message}");
}

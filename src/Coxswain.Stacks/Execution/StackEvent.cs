namespace Coxswain.Stacks;

/// <summary>Progress of a stack run: one operation started, reported progress (a pull layer, a probe), finished or failed.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Operation">The operation id (e.g. <c>start container demo-db-1</c>).</param>
/// <param name="Service">The service, when the operation is about one.</param>
/// <param name="Message">Detail: progress text, the error, or what finished.</param>
/// <param name="Timestamp">When, from the run's TimeProvider.</param>
public sealed record StackEvent(StackEventKind Kind, string Operation, string? Service, string Message, DateTimeOffset Timestamp)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        StackEventKind.Started => Operation + " ...",
        StackEventKind.Progress => $"{Operation}: {Message}",
        StackEventKind.Finished => Message.Length == 0 ? Operation + ": done" : $"{Operation}: {Message}",
        StackEventKind.Skipped => $"{Operation}: not run: {Message}",
        _ => $"{Operation}: failed: {Message}",
    };
}

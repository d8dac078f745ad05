namespace Coxswain.Apps;

/// <summary>
/// A failed app operation: a code a host maps to its own (see <see cref="AppErrorCode"/>), a message that says what failed,
/// for which app, and what to do, and the facts behind it.
/// </summary>
/// <param name="Code">Why it failed.</param>
/// <param name="AppId">The app.</param>
/// <param name="Message">The whole message, for people.</param>
public sealed record AppError(AppErrorCode Code, string AppId, string Message)
{
    /// <summary>The underlying failures (an operation and what went wrong), when there are any.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The last log lines of the app's containers when it did not come up.</summary>
    public IReadOnlyList<ContainerLogTail> LogTails { get; init; } = [];

    /// <summary>What a rollback removed or restored.</summary>
    public IReadOnlyList<string> RolledBack { get; init; } = [];

    /// <summary>What is still on the engine though it should not be (a partial remove or rollback).</summary>
    public IReadOnlyList<string> Left { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}

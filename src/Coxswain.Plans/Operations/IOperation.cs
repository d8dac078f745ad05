namespace Coxswain.Plans;

/// <summary>
/// A unit of work a task runs: a built-in (command, http, noop, fail), an engine-backed operation
/// (added by Stacks or the CLI), or custom logic given to <see cref="Plan.TaskFunc"/>.
/// </summary>
/// <remarks>
/// The executor calls <see cref="ExecuteAsync"/> on its scheduling thread: an operation should not
/// block before its first await (use async I/O; push CPU-heavy work to the thread pool yourself).
/// Operations that complete synchronously cost the executor almost nothing.
/// Failure is reported by throwing; cancellation by throwing <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IOperation
{
    /// <summary>The operation type, as used in YAML plans ("command", "http", "func", ...).</summary>
    string Kind { get; }

    /// <summary>One line for people: what the operation does ("command: make build").</summary>
    string Description => Kind;

    /// <summary>
    /// Stable text of the operation's parameters, hashed into the plan definition so a journal can
    /// tell when a task changed. Defaults to <see cref="Description"/>.
    /// </summary>
    string Fingerprint => Description;

    /// <summary>Does the work.</summary>
    /// <param name="context">The task, attempt, target, time and results of earlier tasks.</param>
    /// <param name="cancellationToken">Cancelled on timeout, on stop-all, and when the run is cancelled.</param>
    /// <returns>Changed, unchanged or skipped (with the reason).</returns>
    ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Optional: reports, without changing anything, whether <see cref="ExecuteAsync"/> would change
    /// something. Used by dry runs. The default answers "unknown".
    /// </summary>
    /// <param name="context">The task context (with <see cref="TaskContext.IsDryRun"/> set).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.Unknown($"a '{Kind}' task cannot be checked in advance"));
}

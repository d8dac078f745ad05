namespace Coxswain.Plans;

/// <summary>The operation behind <see cref="Plan.TaskFunc"/>: a delegate.</summary>
internal sealed class FuncOperation(Func<TaskContext, CancellationToken, ValueTask<TaskResult>> func) : IOperation
{
    public string Kind => "func";

    public string Description => "custom function";

    public ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken) => func(context, cancellationToken);

    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.Unknown("custom function"));
}

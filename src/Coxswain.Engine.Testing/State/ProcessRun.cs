namespace Coxswain.Engine.Testing;

/// <summary>One run of a container's main process, from start to exit.</summary>
internal sealed class ProcessRun(ContainerProcess process, IContainerProgram program, CancellationTokenSource kill, DateTimeOffset startedAt)
{
    public ContainerProcess Process { get; } = process;

    public IContainerProgram Program { get; } = program;

    public CancellationTokenSource Kill { get; } = kill;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Completed with the exit code when the run ends (continuations run asynchronously).</summary>
    public TaskCompletionSource<long> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Ended { get; set; }
}

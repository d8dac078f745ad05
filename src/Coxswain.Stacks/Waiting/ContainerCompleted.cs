using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Ready when the container exited with code 0 (Compose's <c>service_completed_successfully</c>); any other exit code fails the wait.</summary>
public sealed class ContainerCompleted : IWaitCondition
{
    /// <inheritdoc />
    public string Description => "completed successfully";

    /// <inheritdoc />
    public bool ExpectsExit => true;

    /// <inheritdoc />
    public ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.Container.State;
        if (state.Status is not (ContainerStatus.Exited or ContainerStatus.Dead))
        {
            return ValueTask.FromResult(WaitCheck.Pending($"it has not exited yet (status {state.Status.ToString().ToLowerInvariant()})"));
        }

        return ValueTask.FromResult(state.ExitCode == 0
            ? WaitCheck.Ready()
            : WaitCheck.Failed(state.OomKilled ? $"it was killed by the OOM killer (exit code {state.ExitCode})" : $"it exited with code {state.ExitCode}"));
    }
}

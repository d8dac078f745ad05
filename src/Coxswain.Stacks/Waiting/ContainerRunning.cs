using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Ready when the container's main process runs (Compose's <c>service_started</c>); paused or restarting is not yet.</summary>
public sealed class ContainerRunning : IWaitCondition
{
    /// <inheritdoc />
    public string Description => "running";

    /// <inheritdoc />
    public bool ExpectsExit => false;

    /// <inheritdoc />
    public ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.Container.State;
        return ValueTask.FromResult(state.Running && state.Status == ContainerStatus.Running
            ? WaitCheck.Ready()
            : WaitCheck.Pending($"its status is {state.Status.ToString().ToLowerInvariant()}"));
    }
}

using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Waits until a container runs; fails at once when it exited after having started.</summary>
/// <param name="container">The container's name or id.</param>
public sealed class ContainerRunningCondition(string container) : WaitCondition
{
    /// <inheritdoc />
    public override string Description => $"container {container} running";

    /// <inheritdoc />
    public override async Task<WaitCheck> CheckAsync(IEngineClient? engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var info = await EngineLookup.FindContainerAsync(engine, container, cancellationToken).ConfigureAwait(false);
        return info switch
        {
            { State.Running: true } => WaitCheck.Met("running"),
            { State: { Status: ContainerStatus.Exited or ContainerStatus.Dead, StartedAt: not null } } => WaitCheck.Hopeless(StateText(info)),
            _ => WaitCheck.NotYet(StateText(info)),
        };
    }
}

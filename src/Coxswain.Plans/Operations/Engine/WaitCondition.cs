using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Something a <see cref="WaitOperation"/> polls for: one small class per condition
/// (<see cref="ContainerRunningCondition"/>, <see cref="ContainerExitedCondition"/>,
/// <see cref="LogLineCondition"/>, <see cref="PortOpenCondition"/>), one loop in the operation.
/// </summary>
public abstract class WaitCondition
{
    /// <summary>What is awaited, for people ("container web running").</summary>
    public abstract string Description { get; }

    /// <summary>Whether the condition needs an engine (a port check does not).</summary>
    public virtual bool NeedsEngine => true;

    /// <summary>Looks once.</summary>
    /// <param name="engine">The task's engine (null when <see cref="NeedsEngine"/> is false).</param>
    /// <param name="cancellationToken">Cancels the look.</param>
    public abstract Task<WaitCheck> CheckAsync(IEngineClient? engine, CancellationToken cancellationToken);

    /// <summary>"running", "exited (3)", "does not exist": a container's state in words.</summary>
    protected static string StateText(ContainerInfo? container) => container switch
    {
        null => "does not exist",
        { State.Running: true } => "running",
        { State.Status: ContainerStatus.Exited } c => $"exited ({c.State.ExitCode})",
        var c => c.State.Status.ToString().ToLowerInvariant(),
    };
}

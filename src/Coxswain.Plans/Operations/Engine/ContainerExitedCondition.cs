using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Waits until a container's process has exited; with an expected exit code, another code fails the wait.</summary>
/// <param name="container">The container's name or id.</param>
/// <param name="exitCode">The exit code required, or null for any.</param>
public sealed class ContainerExitedCondition(string container, int? exitCode = null) : WaitCondition
{
    /// <inheritdoc />
    public override string Description => $"container {container} exited" + (exitCode is { } c ? $" with code {c}" : "");

    /// <inheritdoc />
    public override async Task<WaitCheck> CheckAsync(IEngineClient? engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var info = await EngineLookup.FindContainerAsync(engine, container, cancellationToken).ConfigureAwait(false);
        if (info is not { State.Status: ContainerStatus.Exited or ContainerStatus.Dead, State.StartedAt: not null })
        {
            return WaitCheck.NotYet(StateText(info));
        }

        return exitCode is { } expected && info.State.ExitCode != expected
            ? WaitCheck.Hopeless($"exited with code {info.State.ExitCode}, not {expected}")
            : WaitCheck.Met($"exited with code {info.State.ExitCode}");
    }
}

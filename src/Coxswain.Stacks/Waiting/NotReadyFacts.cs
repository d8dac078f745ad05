using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Everything a <see cref="ContainerNotReadyException"/> reports.</summary>
internal sealed record NotReadyFacts(
    NotReadyReason Reason,
    string? Service,
    ContainerInfo Container,
    string Condition,
    string Detail,
    TimeSpan Waited,
    TimeSpan? Timeout,
    IReadOnlyList<string> LogTail,
    IReadOnlyList<ProbeResult> Probes)
{
    /// <summary>Whether the container had exited when the wait ended.</summary>
    public bool Exited => Container.State.Status is ContainerStatus.Exited or ContainerStatus.Dead;
}

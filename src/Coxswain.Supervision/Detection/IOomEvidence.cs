using Coxswain.Engine;

namespace Coxswain.Supervision;

/// <summary>
/// A second source for "was it the OOM killer?" when the engine does not say: Podman 4.3 never sets <c>State.OOMKilled</c>
/// nor emits <c>oom</c>. An implementation may read the container's cgroup <c>memory.events</c> (<c>oom_kill</c>) or
/// cgroup v1 <c>memory.oom_control</c> while the container runs. The supervisor asks it for every exit with code 137 that
/// the engine did not already mark as OOM.
/// </summary>
public interface IOomEvidence
{
    /// <summary>True when the container's last run was ended by the OOM killer as far as this source knows.</summary>
    /// <param name="container">The container as inspected after its exit.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether memory ended it.</returns>
    ValueTask<bool> WasOomKilledAsync(ContainerInfo container, CancellationToken cancellationToken);
}

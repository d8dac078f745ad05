using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>One container a stack should have: a slot of a service, its engine spec and its config hash.</summary>
/// <param name="Service">The service model.</param>
/// <param name="Slot">The slot, from 1.</param>
/// <param name="Name">The container name.</param>
/// <param name="Spec">What is sent to the engine.</param>
/// <param name="ConfigHash">The service's config hash (also in the spec's labels).</param>
public sealed record DesiredContainer(ServiceModel Service, int Slot, string Name, ContainerSpec Spec, string ConfigHash)
{
    /// <summary>Host folders of bind mounts to create when missing, as Compose does.</summary>
    public IReadOnlyList<string> HostDirectories { get; init; } = [];
}

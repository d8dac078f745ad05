using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>What a stack should look like on the engine: derived from the Compose model alone, without the engine.</summary>
/// <param name="Project">The loaded Compose project.</param>
public sealed record DesiredStack(ComposeProject Project)
{
    /// <summary>The project name.</summary>
    public string Name => Project.Name;

    /// <summary>The services to converge (selected and their dependencies), in file order.</summary>
    public IReadOnlyList<ServiceModel> Services { get; init; } = [];

    /// <summary>Containers per service, slot order.</summary>
    public IReadOnlyList<DesiredContainer> Containers { get; init; } = [];

    /// <summary>Networks to create (not external), used by the services.</summary>
    public IReadOnlyList<NetworkSpec> Networks { get; init; } = [];

    /// <summary>Named volumes to create (not external), used by the services.</summary>
    public IReadOnlyList<VolumeSpec> Volumes { get; init; } = [];

    /// <summary>Images the services need.</summary>
    public IReadOnlyList<DesiredImage> Images { get; init; } = [];

    /// <summary>Warnings found while mapping (unsupported fields and the like).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The image reference of a service (its image:, or the name Compose gives a built image).</summary>
    /// <param name="service">The service.</param>
    /// <returns>The reference.</returns>
    public string ImageOf(ServiceModel service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ContainerSpecMapper.ImageReference(Project.Name, service);
    }
}

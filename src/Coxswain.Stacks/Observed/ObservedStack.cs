using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>One immutable read of everything the engine holds for a project (found by its label), and of the images it needs.</summary>
/// <param name="Project">The project name.</param>
public sealed record ObservedStack(string Project)
{
    /// <summary>The project's containers, by name.</summary>
    public IReadOnlyList<ObservedContainer> Containers { get; init; } = [];

    /// <summary>The project's networks.</summary>
    public IReadOnlyList<NetworkInfo> Networks { get; init; } = [];

    /// <summary>The project's volumes.</summary>
    public IReadOnlyList<VolumeInfo> Volumes { get; init; } = [];

    /// <summary>Image references asked about that exist locally.</summary>
    public IReadOnlySet<string> PresentImages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>An empty observation (nothing exists yet).</summary>
    /// <param name="project">The project name.</param>
    /// <returns>The snapshot.</returns>
    public static ObservedStack Empty(string project) => new(project);

    /// <summary>The containers of one service, by slot.</summary>
    /// <param name="service">The service name.</param>
    /// <returns>Its containers.</returns>
    public IReadOnlyList<ObservedContainer> ContainersOf(string service) =>
        Containers.Where(c => c.Service == service).OrderBy(c => c.Slot).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
}

using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Reads a project's containers, networks, volumes and the needed images from the engine into an <see cref="ObservedStack"/>.</summary>
public static class StackObserver
{
    /// <summary>Reads the engine once.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project name (label filter).</param>
    /// <param name="images">Image references to check for locally.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The snapshot.</returns>
    public static async Task<ObservedStack> ObserveAsync(IEngineClient engine, string project, IEnumerable<string>? images = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<string> filter = [StackLabels.ProjectFilter(project)];
        var summaries = await engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, cancellationToken).ConfigureAwait(false);
        var containers = new List<ObservedContainer>(summaries.Count);
        foreach (var summary in summaries)
        {
            try
            {
                var info = await engine.InspectContainerAsync(summary.Id, cancellationToken).ConfigureAwait(false);
                containers.Add(new ObservedContainer(info.Id, info.Name.TrimStart('/'), info.Image, info.Labels, info.State)
                {
                    Ports = info.Ports,
                    Created = info.Created,
                });
            }
            catch (EngineNotFoundException)
            {
                // removed between the list and the inspect: it is simply gone
            }
        }

        var networks = await engine.ListNetworksAsync(filter, cancellationToken).ConfigureAwait(false);
        var volumes = await engine.ListVolumesAsync(filter, cancellationToken).ConfigureAwait(false);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in (images ?? []).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await engine.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
                present.Add(image);
            }
            catch (EngineNotFoundException)
            {
                // not present locally
            }
        }

        return new ObservedStack(project)
        {
            Containers = containers.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            Networks = networks.OrderBy(n => n.Name, StringComparer.Ordinal).ToList(),
            Volumes = volumes.OrderBy(v => v.Name, StringComparer.Ordinal).ToList(),
            PresentImages = present,
        };
    }
}

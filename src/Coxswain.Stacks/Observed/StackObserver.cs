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

        // The image checks and the lists go out at once, then every inspect at once: on a 30-container stack this is one
        // round trip of latency instead of thirty.
        var imageChecks = (images ?? []).Distinct(StringComparer.Ordinal).Select(image => IsPresentAsync(engine, image, cancellationToken)).ToList();
        var listed = await ObserveFromListsAsync(engine, project, cancellationToken).ConfigureAwait(false);
        var inspected = await Task.WhenAll(listed.Containers.Select(c => InspectAsync(engine, c.Id, cancellationToken))).ConfigureAwait(false);
        var present = (await Task.WhenAll(imageChecks).ConfigureAwait(false)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return listed with
        {
            Containers = [.. inspected.OfType<ObservedContainer>()], // in the order listed: by name
            PresentImages = present,
        };
    }

    /// <summary>
    /// The project's containers from one list call: names, labels and status only (no inspect, no networks or volumes).
    /// Enough to decide start, restart or recreate; used where a fresh death makes the engine slow to inspect.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<ObservedStack> ObserveListedAsync(IEngineClient engine, string project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var summaries = await engine.ListContainersAsync(new ContainerListOptions { Labels = [StackLabels.ProjectFilter(project)] }, cancellationToken).ConfigureAwait(false);
        return new ObservedStack(project) { Containers = Listed(summaries) };
    }

    /// <summary>
    /// The project's containers as listed (no inspect), its networks and its volumes, in three calls at once. Enough for a
    /// removal: inspecting 30 containers first costs `down` a round of engine work before anything is removed.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project name.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The observed stack, with container states from the list only.</returns>
    public static async Task<ObservedStack> ObserveFromListsAsync(IEngineClient engine, string project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<string> filter = [StackLabels.ProjectFilter(project)];
        var listing = engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, cancellationToken);
        var networks = engine.ListNetworksAsync(filter, cancellationToken);
        var volumes = engine.ListVolumesAsync(filter, cancellationToken);
        return new ObservedStack(project)
        {
            Containers = Listed(await listing.ConfigureAwait(false)),
            Networks = (await networks.ConfigureAwait(false)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList(),
            Volumes = (await volumes.ConfigureAwait(false)).OrderBy(v => v.Name, StringComparer.Ordinal).ToList(),
        };
    }

    private static List<ObservedContainer> Listed(IReadOnlyList<ContainerSummary> summaries) => summaries
        .Select(c => new ObservedContainer(c.Id, c.Name.TrimStart('/'), c.Image, c.Labels, new ContainerState
        {
            Status = c.Status,
            Running = c.Status is ContainerStatus.Running or ContainerStatus.Restarting,
        })
        { Created = c.Created })
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    private static async Task<ObservedContainer?> InspectAsync(IEngineClient engine, string id, CancellationToken cancellationToken)
    {
        try
        {
            var info = await engine.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            return new ObservedContainer(info.Id, info.Name.TrimStart('/'), info.Image, info.Labels, info.State)
            {
                Ports = info.Ports,
                Created = info.Created,
            };
        }
        catch (EngineNotFoundException)
        {
            return null; // removed between the list and the inspect: it is simply gone
        }
    }

    private static async Task<string?> IsPresentAsync(IEngineClient engine, string image, CancellationToken cancellationToken)
    {
        try
        {
            await engine.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return image;
        }
        catch (EngineNotFoundException)
        {
            return null; // not present locally
        }
    }
}

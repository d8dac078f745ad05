using Coxswain.Engine;

namespace Coxswain.EngineTests;

/// <summary>Removes objects labelled by the contract suite whose run label matches a predicate.</summary>
internal static class Leftovers
{
    private static readonly string SuiteFilter = $"{TestScope.SuiteLabel}={TestScope.SuiteLabelValue}";

    /// <summary>Removes the suite's objects whose run label satisfies <paramref name="removeRun"/>, and the suite's extra image tags.</summary>
    public static async Task RemoveAsync(IEngineClient engine, Func<string?, bool> removeRun, CancellationToken cancellationToken)
    {
        await RemoveLabelledAsync(engine, SuiteFilter, removeRun, cancellationToken);

        // Extra tags the image tests put on busybox carry no labels: they are known by their name.
        foreach (var tagged in await engine.ListImagesAsync(null, cancellationToken))
        {
            foreach (var tag in tagged.RepoTags.Where(IsSuiteTag))
            {
                await Quietly(() => engine.RemoveImageAsync(tag, force: false, cancellationToken));
            }
        }
    }

    /// <summary>Removes the containers, networks, volumes and images that carry <paramref name="filter"/> ("key=value")
    /// and whose run label satisfies <paramref name="removeRun"/>.</summary>
    public static async Task RemoveLabelledAsync(IEngineClient engine, string filter, Func<string?, bool> removeRun, CancellationToken cancellationToken)
    {
        bool Matches(IReadOnlyDictionary<string, string> labels) =>
            removeRun(labels.TryGetValue(TestScope.RunLabel, out var run) ? run : null);

        var containers = await engine.ListContainersAsync(new ContainerListOptions { Labels = [filter] }, cancellationToken);
        foreach (var container in containers.Where(c => Matches(c.Labels)))
        {
            await Quietly(() => engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, cancellationToken));
        }

        foreach (var network in (await engine.ListNetworksAsync([filter], cancellationToken)).Where(n => Matches(n.Labels)))
        {
            await Quietly(() => engine.RemoveNetworkAsync(network.Id, cancellationToken));
        }

        foreach (var volume in (await engine.ListVolumesAsync([filter], cancellationToken)).Where(v => Matches(v.Labels)))
        {
            await Quietly(() => engine.RemoveVolumeAsync(volume.Name, force: true, cancellationToken));
        }

        foreach (var builtImage in (await engine.ListImagesAsync([filter], cancellationToken)).Where(i => Matches(i.Labels)))
        {
            await Quietly(() => engine.RemoveImageAsync(builtImage.Id, force: true, cancellationToken));
        }
    }

    private static bool IsSuiteTag(string tag)
    {
        var repository = tag[(tag.LastIndexOf('/') + 1)..];
        return repository.StartsWith(TestScope.NamePrefix, StringComparison.Ordinal);
    }

    private static async Task Quietly(Func<Task> remove)
    {
        try
        {
            await remove().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is EngineException or TimeoutException)
        {
            // Gone already, or in use by something this run did not make: not the suite's business.
        }
    }
}

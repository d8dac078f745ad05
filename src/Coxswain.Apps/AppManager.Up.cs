using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>Bringing an app up and checking it really is: the shared step of install, start and upgrade.</summary>
public sealed partial class AppManager
{
    /// <summary>Pulls the images the app needs that are not present (or all with <c>pull_policy: always</c>), each with the retry delays.</summary>
    /// <returns>Null when every image is there, else why not.</returns>
    private async Task<string?> PullImagesAsync(AppDefinition app, CancellationToken ct)
    {
        var puller = new ImagePuller(_engine, _options.PullRetryDelays, Time);
        var groups = app.Project.ActiveServices.Where(s => s.Build is null)
            .GroupBy(s => ContainerSpecMapper.ImageReference(app.Id, s), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var policy = group.First().PullPolicy;
            var services = string.Join(", ", group.Select(s => s.Name));
            if (policy != "always" && await IsPresentAsync(group.Key, ct).ConfigureAwait(false))
            {
                continue;
            }

            if (policy == "never")
            {
                return $"image {group.Key} for service {services} is not present and pull_policy is never; import or build it first";
            }

            if (await puller.PullAsync(group.Key, services, ct).ConfigureAwait(false) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private async Task<bool> IsPresentAsync(string reference, CancellationToken ct)
    {
        try
        {
            await _engine.InspectImageAsync(reference, ct).ConfigureAwait(false);
            return true;
        }
        catch (EngineNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Converges the app's stack with a wait for every service (healthy when it has a healthcheck, else running), then
    /// checks that every container the app should have runs. Nothing is rolled back here.</summary>
    /// <returns>No failures when the app is up; else the failures and the log tails of its containers.</returns>
    private async Task<(IReadOnlyList<string> Failures, IReadOnlyList<ContainerLogTail> Tails)> UpAsync(
        AppDefinition app, IReadOnlyDictionary<string, AppImage> images, CancellationToken ct)
    {
        var desired = AppStacks.Desired(app, images, Epoch());
        var plan = await StackRunner.PlanUpAsync(_engine, desired, new UpOptions { Wait = true, RemoveOrphans = true }, ct).ConfigureAwait(false);
        var result = await new StackExecutor(_engine, desired.Project, ExecutorOptions()).RunAsync(plan, ct).ConfigureAwait(false);
        var failures = result.Errors.ToList();
        if (result.Succeeded)
        {
            failures.AddRange(await NotRunningAsync(desired, ct).ConfigureAwait(false));
        }

        if (failures.Count == 0)
        {
            return ([], []);
        }

        return (failures, await ReadTailsAsync(app.Id, _options.LogTailLines, ct).ConfigureAwait(false));
    }

    /// <summary>Never a success for a container that is not running: every desired container must exist and run.</summary>
    private async Task<IReadOnlyList<string>> NotRunningAsync(DesiredStack desired, CancellationToken ct)
    {
        var observed = await StackObserver.ObserveAsync(_engine, desired.Name, null, ct).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var container in desired.Containers)
        {
            var found = observed.Containers.FirstOrDefault(c => c.Name == container.Name);
            if (found is null)
            {
                problems.Add($"container {container.Name} (service {container.Service.Name}) does not exist after the install");
            }
            else if (!found.Running)
            {
                problems.Add($"container {container.Name} (service {container.Service.Name}) is not running: {ContainerDisplayState.Derive(found.State).Text}");
            }
        }

        return problems;
    }

    private async Task<IReadOnlyList<ContainerLogTail>> ReadTailsAsync(string id, int lines, CancellationToken ct)
    {
        var observed = await StackObserver.ObserveAsync(_engine, id, null, ct).ConfigureAwait(false);
        var tails = new List<ContainerLogTail>();
        foreach (var container in observed.Containers)
        {
            tails.Add(new ContainerLogTail(container.Name, container.Service, await LogTail.ReadAsync(_engine, container.Name, lines, ct).ConfigureAwait(false)));
        }

        return tails;
    }

    private static string Describe(IReadOnlyList<string> failures) => string.Join("\n", failures);
}

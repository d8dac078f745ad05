using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>
/// Removes what an app has on the engine, found by its project label (labels are the truth about ownership): every container
/// (stopped first, with its service's stop_grace_period), then the chosen networks and volumes. Then it looks again and
/// reports what is still there. Used by a failed install's rollback and to sweep after a remove.
/// </summary>
/// <param name="engine">The engine.</param>
/// <param name="time">The clock of the retry delays.</param>
internal sealed class AppCleanup(IEngineClient engine, TimeProvider time)
{
    private const int NetworkAttempts = 8;

    /// <summary>Removes the app's containers and the networks and volumes <paramref name="networks"/> and <paramref name="volumes"/> choose.</summary>
    public async Task<(IReadOnlyList<string> Removed, IReadOnlyList<string> Left)> RemoveAsync(
        string project, ComposeProject? compose, Func<string, bool> networks, Func<string, bool> volumes, CancellationToken ct)
    {
        var removed = new List<string>();
        var observed = await StackObserver.ObserveAsync(engine, project, null, ct).ConfigureAwait(false);
        foreach (var container in observed.Containers)
        {
            try
            {
                if (container.Running)
                {
                    var grace = compose?.FindService(container.Service)?.StopGracePeriod;
                    await engine.StopContainerAsync(container.Name, grace, ct).ConfigureAwait(false);
                }

                await engine.RemoveContainerAsync(container.Name, force: true, removeVolumes: true, ct).ConfigureAwait(false);
                removed.Add("container " + container.Name);
            }
            catch (EngineNotFoundException)
            {
                removed.Add("container " + container.Name);
            }
            catch (EngineException)
            {
                // reported below as left
            }
        }

        removed.AddRange(await RemoveResourcesAsync(observed, networks, volumes, ct).ConfigureAwait(false));
        return (removed, await LeftAsync(project, networks, volumes, ct).ConfigureAwait(false));
    }

    /// <summary>Removes only the networks and volumes chosen (containers are left alone), then reports what of them is left.</summary>
    public async Task<(IReadOnlyList<string> Removed, IReadOnlyList<string> Left)> RemoveResourcesAsync(
        string project, Func<string, bool> networks, Func<string, bool> volumes, CancellationToken ct)
    {
        var observed = await StackObserver.ObserveAsync(engine, project, null, ct).ConfigureAwait(false);
        var removed = await RemoveResourcesAsync(observed, networks, volumes, ct).ConfigureAwait(false);
        var left = await LeftAsync(project, networks, volumes, ct).ConfigureAwait(false);
        return (removed, left.Where(l => !l.StartsWith("container ", StringComparison.Ordinal)).ToList());
    }

    private async Task<List<string>> RemoveResourcesAsync(ObservedStack observed, Func<string, bool> networks, Func<string, bool> volumes, CancellationToken ct)
    {
        var removed = new List<string>();
        foreach (var network in observed.Networks.Where(n => networks(n.Name)))
        {
            if (await RemoveNetworkAsync(network.Name, ct).ConfigureAwait(false))
            {
                removed.Add("network " + network.Name);
            }
        }

        foreach (var volume in observed.Volumes.Where(v => volumes(v.Name)))
        {
            try
            {
                await engine.RemoveVolumeAsync(volume.Name, cancellationToken: ct).ConfigureAwait(false);
                removed.Add("volume " + volume.Name);
            }
            catch (EngineNotFoundException)
            {
                removed.Add("volume " + volume.Name);
            }
            catch (EngineException)
            {
                // reported as left
            }
        }

        return removed;
    }

    /// <summary>What of the app is still on the engine: containers, and the networks and volumes chosen.</summary>
    public async Task<IReadOnlyList<string>> LeftAsync(string project, Func<string, bool> networks, Func<string, bool> volumes, CancellationToken ct)
    {
        var after = await StackObserver.ObserveAsync(engine, project, null, ct).ConfigureAwait(false);
        return after.Containers.Select(c => "container " + c.Name)
            .Concat(after.Networks.Where(n => networks(n.Name)).Select(n => "network " + n.Name))
            .Concat(after.Volumes.Where(v => volumes(v.Name)).Select(v => "volume " + v.Name))
            .ToList();
    }

    /// <summary>dockerd can report a network in use for a moment after its last container went: retried with a short doubling delay.</summary>
    private async Task<bool> RemoveNetworkAsync(string name, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await engine.RemoveNetworkAsync(name, ct).ConfigureAwait(false);
                return true;
            }
            catch (EngineNotFoundException)
            {
                return true;
            }
            catch (EngineConflictException) when (attempt < NetworkAttempts)
            {
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
            catch (EngineException)
            {
                return false;
            }
        }
    }
}

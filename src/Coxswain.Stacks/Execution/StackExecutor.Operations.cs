using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Stacks;

/// <summary>One method per operation type: thin calls to the engine, errors turned into messages with identity.</summary>
public sealed partial class StackExecutor
{
    private async ValueTask<TaskResult> ExecuteAsync(StackOperation operation, TaskContext context, CancellationToken ct)
    {
        switch (operation)
        {
            case CreateNetworkOperation network:
                try
                {
                    await _engine.CreateNetworkAsync(network.Spec, ct).ConfigureAwait(false);
                    return TaskResult.Changed;
                }
                catch (EngineConflictException)
                {
                    return TaskResult.UnchangedWith("already exists");
                }

            case CreateVolumeOperation volume:
                await _engine.CreateVolumeAsync(volume.Spec, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case PullImageOperation pull:
                await PullAsync(pull, context, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case BuildImageOperation build:
                await BuildAsync(build, context, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case CreateContainerOperation create:
                await CreateAsync(create.Container, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case RecreateContainerOperation recreate:
                await RemoveAsync(recreate.Old.Name, FindService(recreate.Service)?.StopGracePeriod, ct).ConfigureAwait(false);
                await CreateAsync(recreate.Container, ct).ConfigureAwait(false);
                return TaskResult.ChangedWith(recreate.Cause);
            case StartContainerOperation start:
                await StartAsync(start, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case RestartContainerOperation restart:
                await _engine.RestartContainerAsync(restart.Container, restart.Timeout, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case StopContainerOperation stop:
                await _engine.StopContainerAsync(stop.Container, stop.Timeout, ct).ConfigureAwait(false);
                return TaskResult.Changed;
            case RemoveContainerOperation remove:
                return await RemoveAsync(remove.Container, remove.Timeout, ct).ConfigureAwait(false) ? TaskResult.Changed : TaskResult.UnchangedWith("already gone");
            case RemoveNetworkOperation network:
                return await IgnoreNotFoundAsync(() => RemoveNetworkAsync(network.Name, ct)).ConfigureAwait(false);
            case RemoveVolumeOperation volume:
                return await IgnoreNotFoundAsync(() => _engine.RemoveVolumeAsync(volume.Name, cancellationToken: ct)).ConfigureAwait(false);
            case WaitOperation wait:
                var readiness = _options.Readiness ?? new StackReadiness();
                var message = await readiness.WaitAsync(_engine, wait, FindService(wait.ServiceName), _options, context.Log, ct).ConfigureAwait(false);
                return TaskResult.UnchangedWith(message);
            default:
                throw new NotSupportedException($"operation {operation.Id} ({operation.GetType().Name}) has no executor");
        }
    }

    private async Task PullAsync(PullImageOperation pull, TaskContext context, CancellationToken ct)
    {
        var layers = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = new SyncProgress<ProgressMessage>(message =>
        {
            if (message.Id is { } id && message.Status is { } status && layers.GetValueOrDefault(id) != status)
            {
                layers[id] = status;
                context.Log($"layer {id}: {status}");
            }
        });
        try
        {
            await _engine.PullImageAsync(pull.Image.Reference, progress, ct).ConfigureAwait(false);
        }
        catch (EngineException ex)
        {
            throw new StackOperationException(
                $"cannot pull image {pull.Image.Reference} for service {string.Join(", ", pull.Image.Services)}: {ex.Message}. "
                + "Check the image name and tag and that the registry is reachable, or build or import the image locally", ex);
        }
    }

    private async Task BuildAsync(BuildImageOperation build, TaskContext context, CancellationToken ct)
    {
        var settings = build.Image.Build!;
        var dockerfile = settings.Dockerfile ?? "Dockerfile";
        using var tar = LocalImages.CreateContextTar(settings.Context, dockerfile);
        var progress = new SyncProgress<ProgressMessage>(message =>
        {
            if (message.Stream is { Length: > 0 } line && line.Trim() is { Length: > 0 } trimmed)
            {
                context.Log(trimmed);
            }
        });
        try
        {
            await _engine.BuildImageAsync(
                tar,
                new BuildOptions { Tags = [build.Image.Reference, .. settings.Tags], Dockerfile = dockerfile, BuildArgs = settings.Args, Labels = settings.Labels, Target = settings.Target, NoCache = settings.NoCache, Pull = settings.Pull },
                progress,
                ct).ConfigureAwait(false);
        }
        catch (EngineException ex)
        {
            throw new StackOperationException($"cannot build image {build.Image.Reference} for service {string.Join(", ", build.Image.Services)} from {settings.Context}: {ex.Message}", ex);
        }
    }

    private async Task CreateAsync(DesiredContainer container, CancellationToken ct)
    {
        foreach (var directory in container.HostDirectories.Where(d => !Path.Exists(d)))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            await _engine.CreateContainerAsync(container.Spec, ct).ConfigureAwait(false);
            _created.Enqueue(container.Name);
        }
        catch (EngineConflictException ex)
        {
            throw new StackOperationException(
                $"cannot create container {container.Name} (service {container.Service.Name}): the name is taken by a container cox does not own ({ex.EngineMessage}); remove or rename that container", ex);
        }
    }

    private async Task<bool> RemoveAsync(string container, TimeSpan? timeout, CancellationToken ct)
    {
        try
        {
            if (timeout == TimeSpan.Zero)
            {
                await _engine.RemoveContainerAsync(container, force: true, cancellationToken: ct).ConfigureAwait(false);
                return true;
            }

            var info = await _engine.InspectContainerAsync(container, ct).ConfigureAwait(false);
            if (info.State.Running)
            {
                await _engine.StopContainerAsync(container, timeout, ct).ConfigureAwait(false);
            }

            await _engine.RemoveContainerAsync(container, force: true, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }
        catch (EngineNotFoundException)
        {
            return false;
        }
    }

    /// <summary>dockerd can answer "has active endpoints" for a moment after the last container on a network was removed
    /// (seen with 30 containers removed at once), so a conflict is retried with a short doubling delay before it counts.</summary>
    private async Task RemoveNetworkAsync(string name, CancellationToken ct)
    {
        var delay = _options.NetworkRemoveRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _engine.RemoveNetworkAsync(name, ct).ConfigureAwait(false);
                return;
            }
            catch (EngineConflictException) when (attempt < _options.NetworkRemoveAttempts)
            {
                await Task.Delay(delay, _options.TimeProvider, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
            catch (EngineConflictException ex)
            {
                if (!await HasNoContainersAsync(name, ct).ConfigureAwait(false))
                {
                    throw;
                }

                throw new StackOperationException(
                    $"network {name} is left behind: the engine still counts active endpoints on it, but no container is attached "
                    + "(a dockerd 20.10 bug, moby/moby#42119, that only a restart of dockerd clears). It does no harm: the next up "
                    + "uses it again", ex);
            }
        }
    }

    private async Task<bool> HasNoContainersAsync(string network, CancellationToken ct)
    {
        try
        {
            return (await _engine.InspectNetworkAsync(network, ct).ConfigureAwait(false)).ContainerIds.Count == 0;
        }
        catch (EngineException)
        {
            return false;
        }
    }

    private static async Task<TaskResult> IgnoreNotFoundAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return TaskResult.Changed;
        }
        catch (EngineNotFoundException)
        {
            return TaskResult.UnchangedWith("already gone");
        }
    }

    private sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}

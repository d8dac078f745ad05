using System.Net;

namespace Coxswain.Engine.Testing;

/// <summary>Containers: create, inspect, list, rename, remove, wait.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task<ContainerCreated> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            Enter(nameof(CreateContainerAsync));
            var name = spec.Name?.TrimStart('/');
            var operation = $"create container {name ?? spec.Image}";
            if (name is not null && _containers.Values.FirstOrDefault(c => c.Name == name) is { } existing)
            {
                throw new EngineConflictException(operation,
                    $"Conflict. The container name \"/{name}\" is already in use by container \"{existing.Id}\". You have to remove (or rename) that container to be able to reuse that name.");
            }

            var image = FindImage(spec.Image)
                ?? throw new EngineNotFoundException(operation, "image", spec.Image, $"No such image: {ImageReference.Normalize(spec.Image)}");
            var entrypoint = spec.Entrypoint ?? image.Definition.Entrypoint;
            var command = spec.Command ?? (spec.Entrypoint is null ? image.Definition.Command : []);
            var arguments = entrypoint.Concat(command).ToList();
            if (arguments.Count == 0)
            {
                throw new EngineApiException(operation, HttpStatusCode.BadRequest, "No command specified");
            }

            var attachments = ResolveAttachments(spec, operation);
            var id = NewHexId();
            var container = new ContainerRecord
            {
                Id = id,
                Name = name ?? NewContainerName(),
                Spec = spec with { Name = name, StopSignal = spec.StopSignal ?? image.Definition.StopSignal },
                ImageId = image.Id,
                Arguments = arguments,
                Environment = MergeEnvironment(spec, image),
                Created = _time.GetUtcNow(),
                Sequence = _sequence++,
            };
            container.Networks.AddRange(attachments);
            _containers[id] = container;
            AttachVolumes(container);
            PublishContainer(container, "create");
            Changed();
            return new ContainerCreated(id, []);
        }
    });

    /// <inheritdoc />
    public Task<ContainerInfo> InspectContainerAsync(string idOrName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(InspectContainerAsync));
            var c = FindContainer(idOrName, $"inspect container {idOrName}");
            return new ContainerInfo
            {
                Id = c.Id,
                Name = c.Name,
                Image = c.Spec.Image,
                ImageId = c.ImageId,
                Created = c.Created,
                Labels = new Dictionary<string, string>(c.Spec.Labels),
                Environment = c.Environment.Select(kv => $"{kv.Key}={kv.Value}").ToList(),
                Command = c.Arguments,
                Tty = c.Spec.Tty,
                RestartCount = c.RestartCount,
                State = new ContainerState
                {
                    Status = c.Status,
                    Running = c.IsRunning,
                    ExitCode = c.ExitCode,
                    OomKilled = c.OomKilled,
                    Pid = c.Pid,
                    Error = c.Error,
                    StartedAt = c.StartedAt,
                    FinishedAt = c.FinishedAt,
                },
                Networks = c.Networks.ToDictionary(
                    n => n.Key,
                    n => new ContainerNetwork(c.Status == ContainerStatus.Running ? n.Value.NetworkId : "", n.Value.IPAddress, n.Value.Aliases)),
                Ports = c.Status == ContainerStatus.Running ? c.BoundPorts.ToList() : [],
                MemoryLimitBytes = c.Spec.Resources?.MemoryBytes ?? 0,
            };
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(ContainerListOptions? options = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<ContainerSummary>>(cancellationToken, () =>
        {
            options ??= new ContainerListOptions();
            lock (_gate)
            {
                Enter(nameof(ListContainersAsync));
                var now = _time.GetUtcNow();
                return _containers.Values
                    .Where(c => !options.RunningOnly || c.IsRunning)
                    .Where(c => MatchesLabels(c.Spec.Labels, options.Labels))
                    .Where(c => options.Name is null || c.Name.Contains(options.Name.TrimStart('/'), StringComparison.Ordinal))
                    .OrderByDescending(c => c.Sequence)
                    .Select(c => new ContainerSummary
                    {
                        Id = c.Id,
                        Name = c.Name,
                        Image = c.Spec.Image,
                        Status = c.Status,
                        StatusText = StatusText.Describe(c, now),
                        Labels = new Dictionary<string, string>(c.Spec.Labels),
                        Created = c.Created,
                    })
                    .ToList();
            }
        });

    /// <inheritdoc />
    public Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        lock (_gate)
        {
            Enter(nameof(RenameContainerAsync));
            var operation = $"rename container {idOrName} to {newName}";
            var c = FindContainer(idOrName, operation);
            var name = newName.TrimStart('/');
            if (name == c.Name)
            {
                throw new EngineApiException(operation, HttpStatusCode.BadRequest, "Renaming a container with the same name as its current name");
            }

            if (_containers.Values.FirstOrDefault(o => o.Name == name) is { } taken)
            {
                throw new EngineConflictException(operation,
                    $"Error when allocating new name: Conflict. The container name \"/{name}\" is already in use by container \"{taken.Id}\". You have to remove (or rename) that container to be able to reuse that name.");
            }

            var old = c.Name;
            c.Name = name;
            PublishContainer(c, "rename", ("oldName", "/" + old));
            Changed();
        }
    });

    /// <inheritdoc />
    public Task RemoveContainerAsync(string idOrName, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        Invoke(cancellationToken, () =>
        {
            var deferred = new DeferredActions();
            lock (_gate)
            {
                Enter(nameof(RemoveContainerAsync));
                var operation = $"remove container {idOrName}";
                var c = FindContainer(idOrName, operation);
                if (c.IsRunning)
                {
                    if (!force)
                    {
                        throw new EngineConflictException(operation,
                            $"You cannot remove a running container {c.Id}. Stop the container before attempting removal or force remove");
                    }

                    CancelPendingRestart(c, ContainerStatus.Exited);
                    if (c.Run is { } run)
                    {
                        c.ManuallyStopped = true;
                        PublishKill(c, "SIGKILL");
                        EndRun(c, run, 137, ExitCause.Killed, deferred);
                    }
                }

                _containers.Remove(c.Id);
                c.Removed = true;
                foreach (var exec in _execs.Values.Where(e => e.Container == c).ToList())
                {
                    _execs.Remove(exec.Id);
                }

                foreach (var volume in c.AnonymousVolumes)
                {
                    if (removeVolumes && _volumes.Remove(volume, out var record))
                    {
                        PublishVolume(record, "destroy");
                    }
                }

                PublishContainer(c, "destroy");
                Changed();
            }

            deferred.Run();
        });

    /// <inheritdoc />
    public async Task<long> WaitContainerAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ContainerRecord c;
        ProcessRun? awaited = null;
        lock (_gate)
        {
            Enter(nameof(WaitContainerAsync));
            c = FindContainer(idOrName, $"wait for container {idOrName}");
        }

        while (true)
        {
            Task changed;
            CancellationToken connection;
            lock (_gate)
            {
                EnsureConnected();
                if (awaited is null)
                {
                    if (c.Run is not null)
                    {
                        awaited = c.Run;
                    }
                    else if (c.Status != ContainerStatus.Restarting || c.Removed)
                    {
                        return c.ExitCode;
                    }
                }

                if (awaited is { Ended: true })
                {
                    return awaited.Exited.Task.Result;
                }

                changed = _changed.Task;
                connection = _connection.Token;
            }

            await WaitForChangeAsync(changed, connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finds a container by full id, name, or unique id prefix (Docker's order), or throws "No such container".</summary>
    private ContainerRecord FindContainer(string idOrName, string operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        if (_containers.TryGetValue(idOrName, out var byId))
        {
            return byId;
        }

        var name = idOrName.TrimStart('/');
        if (_containers.Values.FirstOrDefault(c => c.Name == name) is { } byName)
        {
            return byName;
        }

        var byPrefix = _containers.Values.Where(c => c.Id.StartsWith(idOrName, StringComparison.Ordinal)).Take(2).ToList();
        if (byPrefix.Count == 1)
        {
            return byPrefix[0];
        }

        throw new EngineNotFoundException(operation, "container", idOrName, $"No such container: {idOrName}");
    }

    private List<KeyValuePair<string, NetworkEndpoint>> ResolveAttachments(ContainerSpec spec, string operation)
    {
        var wanted = spec.Networks.Count > 0 ? spec.Networks : [new NetworkAttachment("bridge")];
        var result = new List<KeyValuePair<string, NetworkEndpoint>>();
        foreach (var attachment in wanted)
        {
            var network = FindNetwork(attachment.Network)
                ?? throw new EngineNotFoundException(operation, "network", attachment.Network, $"network {attachment.Network} not found");
            var aliases = attachment.Aliases ?? [];
            if (network.Predefined && aliases.Count > 0)
            {
                throw new EngineApiException(operation, HttpStatusCode.BadRequest, "network-scoped alias is supported only for containers in user defined networks");
            }

            if (result.All(r => r.Key != network.Name))
            {
                result.Add(new(network.Name, new NetworkEndpoint(network.Id, aliases)));
            }
        }

        return result;
    }

    private void AttachVolumes(ContainerRecord container)
    {
        foreach (var mount in container.Spec.Mounts.Where(m => m.Type == MountType.Volume))
        {
            var anonymous = string.IsNullOrEmpty(mount.Source);
            var name = anonymous ? NewHexId() : mount.Source!;
            if (!_volumes.TryGetValue(name, out var volume))
            {
                volume = new VolumeRecord(name, "local", mount.VolumeLabels ?? new Dictionary<string, string>(), _time.GetUtcNow(), anonymous);
                _volumes[name] = volume;
            }

            if (anonymous)
            {
                container.AnonymousVolumes.Add(name);
            }

            container.Volumes.Add((name, mount));
            PublishVolume(volume, "create");
        }
    }

    private static Dictionary<string, string> MergeEnvironment(ContainerSpec spec, ImageRecord image)
    {
        var environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal);
        foreach (var entry in image.Definition.Environment)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? entry : entry[..eq];
            environment.TryAdd(key, eq < 0 ? "" : entry[(eq + 1)..]);
        }

        return environment;
    }
}

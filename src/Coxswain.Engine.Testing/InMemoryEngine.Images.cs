using System.Security.Cryptography;

namespace Coxswain.Engine.Testing;

/// <summary>Images: list, inspect, pull (from <see cref="Registry"/>), import, tag, remove.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ImageSummary>> ListImagesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<ImageSummary>>(cancellationToken, () =>
        {
            lock (_gate)
            {
                Enter(nameof(ListImagesAsync));
                return _images.Values
                    .Where(i => MatchesLabels(i.Definition.Labels, labels))
                    .OrderByDescending(i => i.Created)
                    .Select(i => new ImageSummary(i.Id, i.RepoTags.ToList(), i.Definition.SizeBytes, i.Created)
                    {
                        Labels = new Dictionary<string, string>(i.Definition.Labels),
                    })
                    .ToList();
            }
        });

    /// <inheritdoc />
    public Task<ImageInfo> InspectImageAsync(string reference, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(InspectImageAsync));
            var image = FindImage(reference)
                ?? throw new EngineNotFoundException($"inspect image {reference}", "image", reference, $"No such image: {reference}");
            return new ImageInfo
            {
                Id = image.Id,
                RepoTags = image.RepoTags.ToList(),
                RepoDigests = image.RepoDigests.ToList(),
                Created = image.Created,
                SizeBytes = image.Definition.SizeBytes,
                Command = image.Definition.Command,
                Entrypoint = image.Definition.Entrypoint,
                Environment = image.Definition.Environment,
                Labels = new Dictionary<string, string>(image.Definition.Labels),
                WorkingDirectory = image.Definition.WorkingDirectory,
                User = image.Definition.User,
            };
        }
    });

    /// <inheritdoc />
    public async Task PullImageAsync(string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        cancellationToken.ThrowIfCancellationRequested();
        await PullCoreAsync(reference, progress, nameof(PullImageAsync), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A pull from the fake registry, with its faults, progress and "pull" event; returns the image id.</summary>
    private async Task<string> PullCoreAsync(string reference, IProgress<ProgressMessage>? progress, string method, CancellationToken cancellationToken)
    {
        var normalized = ImageReference.Normalize(reference);
        var repository = ImageReference.Repository(normalized);
        var operation = $"pull image {reference}";
        var tag = normalized[(repository.Length + 1)..];
        RemoteImage remote;
        TimeSpan slow;
        CancellationToken connection;
        bool upToDate;
        lock (_gate)
        {
            Enter(method);
            if (Faults.TakePullFailure(normalized) is { } failure)
            {
                throw new EngineApiException(operation, System.Net.HttpStatusCode.InternalServerError, failure);
            }

            remote = Registry.Find(normalized) ?? throw new EngineNotFoundException(operation, "image", reference, Registry.HasRepository(repository)
                ? $"manifest for {normalized} not found: manifest unknown: manifest unknown"
                : $"pull access denied for {repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
            slow = Faults.TakePullDelay(normalized);
            connection = _connection.Token;
            upToDate = FindImage(normalized)?.Id == remote.Id;
        }

        progress?.Report(new ProgressMessage { Id = tag, Status = $"Pulling from {(repository.Contains('/', StringComparison.Ordinal) ? repository : "library/" + repository)}" });
        if (!upToDate)
        {
            var layers = Enumerable.Range(0, Math.Max(1, remote.Definition.LayerCount)).Select(i => Hashing.Sha256Hex($"{remote.Id}/{i}")[..12]).ToList();
            var layerSize = Math.Max(1, remote.Definition.SizeBytes / layers.Count);
            foreach (var layer in layers)
            {
                progress?.Report(new ProgressMessage { Id = layer, Status = "Pulling fs layer" });
            }

            if (slow > TimeSpan.Zero)
            {
                foreach (var layer in layers)
                {
                    progress?.Report(new ProgressMessage { Id = layer, Status = "Downloading", Current = 0, Total = layerSize });
                }

                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection);
                await DelayOrUnavailableAsync(slow, linked.Token, cancellationToken).ConfigureAwait(false);
            }

            foreach (var layer in layers)
            {
                progress?.Report(new ProgressMessage { Id = layer, Status = "Downloading", Current = layerSize / 2, Total = layerSize });
                progress?.Report(new ProgressMessage { Id = layer, Status = "Verifying Checksum" });
                progress?.Report(new ProgressMessage { Id = layer, Status = "Download complete" });
                progress?.Report(new ProgressMessage { Id = layer, Status = "Extracting", Current = layerSize, Total = layerSize });
                progress?.Report(new ProgressMessage { Id = layer, Status = "Pull complete" });
            }
        }

        lock (_gate)
        {
            EnsureConnected();
            if (!_images.TryGetValue(remote.Id, out var image))
            {
                image = new ImageRecord { Id = remote.Id, Definition = remote.Definition, Created = _time.GetUtcNow() };
                _images[remote.Id] = image;
            }

            MoveTag(normalized, image);
            var digest = $"{repository}@{remote.Digest}";
            if (!image.RepoDigests.Contains(digest))
            {
                image.RepoDigests.Add(digest);
            }

            PublishImage("pull", normalized, repository);
        }

        progress?.Report(new ProgressMessage { Status = $"Digest: {remote.Digest}" });
        progress?.Report(new ProgressMessage { Status = upToDate ? $"Status: Image is up to date for {normalized}" : $"Status: Downloaded newer image for {normalized}" });
        return remote.Id;
    }

    /// <inheritdoc />
    public async Task<string> ImportImageAsync(Stream rootfsTar, string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootfsTar);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Enter(nameof(ImportImageAsync));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await rootfsTar.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        var id = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        lock (_gate)
        {
            EnsureConnected();
            if (!_images.TryGetValue(id, out var image))
            {
                image = new ImageRecord { Id = id, Definition = new ImageDefinition { SizeBytes = size, LayerCount = 1 }, Created = _time.GetUtcNow() };
                _images[id] = image;
            }

            if (!string.IsNullOrWhiteSpace(reference))
            {
                var normalized = ImageReference.Normalize(reference);
                MoveTag(normalized, image);
                PublishImage("tag", id, normalized, image.Definition.Labels);
            }

            PublishImage("import", id, id, image.Definition.Labels);
        }

        progress?.Report(new ProgressMessage { Status = id });
        return id;
    }

    /// <inheritdoc />
    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        lock (_gate)
        {
            Enter(nameof(TagImageAsync));
            var image = FindImage(source)
                ?? throw new EngineNotFoundException($"tag image {source} as {target}", "image", source, $"No such image: {source}");
            var normalized = ImageReference.Normalize(target);
            MoveTag(normalized, image);
            PublishImage("tag", image.Id, normalized, image.Definition.Labels);
        }
    });

    /// <inheritdoc />
    public Task RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default) => Invoke(cancellationToken, () =>
    {
        lock (_gate)
        {
            Enter(nameof(RemoveImageAsync));
            var operation = $"remove image {reference}";
            var image = FindImage(reference)
                ?? throw new EngineNotFoundException(operation, "image", reference, $"No such image: {reference}");
            var users = _containers.Values.Where(c => c.ImageId == image.Id).OrderBy(c => c.Sequence).ToList();
            var running = users.Where(c => c.IsRunning).ToList();
            var normalized = ImageReference.Normalize(reference);
            if (image.RepoTags.Contains(normalized))
            {
                if (image.RepoTags.Count == 1 && users.Count > 0 && !force)
                {
                    throw new EngineConflictException(operation,
                        $"conflict: unable to remove repository reference \"{reference}\" (must force) - container {users[0].Id[..12]} is using its referenced image {image.ShortId}");
                }

                image.RepoTags.Remove(normalized);
                PublishImage("untag", image.Id, image.Id, image.Definition.Labels);
                if (image.RepoTags.Count == 0 && users.Count == 0)
                {
                    _images.Remove(image.Id);
                    PublishImage("delete", image.Id, image.Id);
                }

                return;
            }

            if (running.Count > 0)
            {
                throw new EngineConflictException(operation,
                    $"conflict: unable to delete {image.ShortId} (cannot be forced) - image is being used by running container {running[0].Id[..12]}");
            }

            if (!force && image.RepoTags.Count > 1)
            {
                throw new EngineConflictException(operation, $"conflict: unable to delete {image.ShortId} (must be forced) - image is referenced in multiple repositories");
            }

            if (!force && users.Count > 0)
            {
                throw new EngineConflictException(operation,
                    $"conflict: unable to delete {image.ShortId} (must be forced) - image is being used by stopped container {users[0].Id[..12]}");
            }

            foreach (var _ in image.RepoTags)
            {
                PublishImage("untag", image.Id, image.Id, image.Definition.Labels);
            }

            image.RepoTags.Clear();
            _images.Remove(image.Id);
            PublishImage("delete", image.Id, image.Id);
        }
    });

    /// <summary>Finds an image by tag ("redis" = "redis:latest"), full id, or id prefix (with or without "sha256:").</summary>
    private ImageRecord? FindImage(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var normalized = ImageReference.Normalize(reference);
        if (_images.Values.FirstOrDefault(i => i.RepoTags.Contains(normalized)) is { } tagged)
        {
            return tagged;
        }

        var prefix = reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference : "sha256:" + reference;
        if (prefix.Length <= "sha256:".Length || !prefix["sha256:".Length..].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        return _images.Values.Where(i => i.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList() is [var single] ? single : null;
    }

    /// <summary>Points <paramref name="normalizedTag"/> at <paramref name="image"/>, taking it from any other image.</summary>
    private void MoveTag(string normalizedTag, ImageRecord image)
    {
        foreach (var other in _images.Values)
        {
            if (other != image)
            {
                other.RepoTags.Remove(normalizedTag);
            }
        }

        if (!image.RepoTags.Contains(normalizedTag))
        {
            image.RepoTags.Add(normalizedTag);
        }
    }
}

using System.Net;
using System.Text.Json;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    private const string TarMediaType = "application/x-tar";
    private const int BuildOutputTailLines = 20;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new Query("/images/json").Filters(Query.Labels(labels));
        var list = await RequestJsonAsync(HttpMethod.Get, query.ToString(), null, EngineJsonContext.Default.ListImageListItemDto, EngineOperation.General("list images"), cancellationToken).ConfigureAwait(false);
        return list.Select(ImageMapper.ToSummary).Where(i => LabelFilter.Matches(i.Labels, labels)).ToList();
    }

    /// <inheritdoc />
    public async Task<ImageInfo> InspectImageAsync(string reference, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/images/{ImageReference.EscapeForPath(reference)}/json", null, EngineJsonContext.Default.ImageInspectDto, EngineOperation.On("inspect", "image", reference), cancellationToken).ConfigureAwait(false);
        return ImageMapper.ToInfo(dto);
    }

    /// <inheritdoc />
    public async Task PullImageAsync(string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var operation = EngineOperation.On("pull", "image", reference);
        var parsed = ImageReference.Parse(reference);
        var query = new Query("/images/create").Add("fromImage", parsed.Repository).Add("tag", parsed.Tag);
        try
        {
            using var response = await OpenStreamAsync(HttpMethod.Post, query.ToString(), null, operation, cancellationToken).ConfigureAwait(false);
            await ReadProgressAsync(response, operation, dto =>
            {
                progress?.Report(ImageMapper.ToProgress(dto));
                if (ImageMapper.ErrorText(dto) is { } error)
                {
                    throw new EngineApiException(operation.Description, HttpStatusCode.OK, error);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException ex) when (ex is not EngineNotFoundException && ImageMapper.IsImageMissing(ex.EngineMessage))
        {
            throw new EngineNotFoundException(operation.Description, "image", reference, ex.EngineMessage);
        }
    }

    /// <inheritdoc />
    public async Task<string> ImportImageAsync(Stream rootfsTar, string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootfsTar);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var operation = EngineOperation.On("import", "image", reference);
        // The whole reference goes in "repo": Docker reads a tag there too, and Podman 4 ignores the "tag" parameter
        // (it would tag the image ":latest").
        var query = new Query("/images/create").Add("fromSrc", "-").Add("repo", reference);
        string? id = null;
        using (var response = await OpenStreamAsync(HttpMethod.Post, query.ToString(), new UploadContent(rootfsTar, TarMediaType), operation, cancellationToken).ConfigureAwait(false))
        {
            await ReadProgressAsync(response, operation, dto =>
            {
                progress?.Report(ImageMapper.ToProgress(dto));
                if (ImageMapper.ErrorText(dto) is { } error)
                {
                    throw new EngineApiException(operation.Description, HttpStatusCode.OK, error);
                }

                // Docker answers {"status":"sha256:..."}; Podman {"status":...,"id":"sha256:..."} or similar.
                if (dto.Status?.StartsWith("sha256:", StringComparison.Ordinal) == true)
                {
                    id = dto.Status.Trim();
                }
                else if (dto.Id?.StartsWith("sha256:", StringComparison.Ordinal) == true)
                {
                    id = dto.Id.Trim();
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        return id ?? (await InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).Id;
    }

    /// <inheritdoc />
    public async Task<string> BuildImageAsync(Stream contextTar, BuildOptions options, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextTar);
        ArgumentNullException.ThrowIfNull(options);
        var operation = EngineOperation.General(options.Tags.Count > 0 ? $"build image {options.Tags[0]}" : "build image");
        var query = new Query("/build");
        foreach (var tag in options.Tags)
        {
            query.Add("t", tag);
        }

        query.Add("dockerfile", options.Dockerfile)
            .Add("buildargs", options.BuildArgs is { Count: > 0 } args ? JsonSerializer.Serialize(new Dictionary<string, string>(args), EngineJsonContext.Default.DictionaryStringString) : null)
            .Add("labels", options.Labels is { Count: > 0 } labels ? JsonSerializer.Serialize(new Dictionary<string, string>(labels), EngineJsonContext.Default.DictionaryStringString) : null)
            .Add("target", options.Target)
            .Add("rm", true)
            .Add("forcerm", true); // also remove the intermediate container of a failed step
        if (options.NoCache)
        {
            query.Add("nocache", true);
        }

        if (options.Pull)
        {
            query.Add("pull", true);
        }

        var output = new BuildOutput(BuildOutputTailLines);
        string? id = null;
        try
        {
            using var response = await OpenStreamAsync(HttpMethod.Post, query.ToString(), new UploadContent(contextTar, TarMediaType), operation, cancellationToken).ConfigureAwait(false);
            await ReadProgressAsync(response, operation, dto =>
            {
                if (dto.Aux is null || dto.Stream is not null || dto.Status is not null)
                {
                    progress?.Report(ImageMapper.ToProgress(dto));
                }

                if (dto.Stream is { } text)
                {
                    output.Add(text);
                }

                if (ImageMapper.ErrorText(dto) is { } error)
                {
                    throw new EngineBuildException(error.Trim(), output.Tail());
                }

                if (dto.Aux?.ID is { Length: > 0 } auxId)
                {
                    id = auxId;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException ex)
        {
            throw new EngineBuildException($"{ex.EngineMessage} (the engine answered {(int)ex.StatusCode} {ex.StatusCode})", output.Tail());
        }

        id ??= output.BuiltImageId;
        if (id is null && options.Tags.Count > 0)
        {
            id = (await InspectImageAsync(options.Tags[0], cancellationToken).ConfigureAwait(false)).Id;
        }

        return id ?? throw new EngineBuildException("the engine did not say which image it built", output.Tail());
    }

    /// <inheritdoc />
    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var parsed = ImageReference.Parse(target);
        var query = new Query($"/images/{ImageReference.EscapeForPath(source)}/tag").Add("repo", parsed.Repository).Add("tag", parsed.Tag);
        return RequestAsync(HttpMethod.Post, query.ToString(), null, new EngineOperation($"tag image {source} as {target}", "image", source), cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default)
    {
        var query = new Query($"/images/{ImageReference.EscapeForPath(reference)}");
        if (force)
        {
            query.Add("force", true);
        }

        return RequestAsync(HttpMethod.Delete, query.ToString(), null, EngineOperation.On("remove", "image", reference), cancellationToken);
    }

    /// <summary>Reads a stream of progress lines, handing each to <paramref name="onLine"/> (which may throw to stop).</summary>
    private async Task ReadProgressAsync(HttpResponseMessage response, EngineOperation operation, Action<ProgressDto> onLine, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var dto in JsonStreamReader.ReadAsync(stream, EngineJsonContext.Default.ProgressDto, cancellationToken).ConfigureAwait(false))
                {
                    onLine(dto);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw transport.Unavailable(operation, ex);
        }
        catch (JsonException ex)
        {
            throw new EngineException($"{operation.Description} failed: the engine sent progress that is not JSON ({ex.Message})", ex);
        }
    }
}

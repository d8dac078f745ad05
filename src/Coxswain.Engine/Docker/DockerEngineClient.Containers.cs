using System.Globalization;
using System.Runtime.CompilerServices;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    /// <inheritdoc />
    public async Task<ContainerCreated> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var label = spec.Name ?? $"from image {spec.Image}";
        // A 404 here means the image (or, as the engine's message then says, a network) is missing.
        var operation = new EngineOperation($"create container {label}", "image", spec.Image);
        var path = new Query("/containers/create").Add("name", spec.Name).ToString();
        var body = Json(ContainerSpecMapper.ToCreateBody(spec), EngineJsonContext.Default.ContainerCreateBody);
        var created = await RequestJsonAsync(HttpMethod.Post, path, body, EngineJsonContext.Default.IdResponseDto, operation, cancellationToken).ConfigureAwait(false);
        var id = created.Id ?? throw new EngineException($"{operation.Description} failed: the engine answered without an id");
        for (var i = 1; i < spec.Networks.Count; i++)
        {
            try
            {
                await ConnectNetworkAsync(spec.Networks[i].Network, id, spec.Networks[i].Aliases, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Do not leave a half-made container behind.
                await RemoveQuietlyAsync(id).ConfigureAwait(false);
                throw;
            }
        }

        return new ContainerCreated(id, created.Warnings ?? []);
    }

    /// <inheritdoc />
    public Task StartContainerAsync(string idOrName, CancellationToken cancellationToken = default) =>
        RequestAsync(HttpMethod.Post, $"/containers/{Escape(idOrName)}/start", null, EngineOperation.On("start", "container", idOrName), cancellationToken);

    /// <inheritdoc />
    public Task StopContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RequestAsync(
            HttpMethod.Post,
            new Query($"/containers/{Escape(idOrName)}/stop").Add("t", Seconds(timeout)).ToString(),
            null,
            EngineOperation.On("stop", "container", idOrName),
            cancellationToken,
            GraceLimit(timeout));

    /// <inheritdoc />
    public Task KillContainerAsync(string idOrName, string? signal = null, CancellationToken cancellationToken = default) =>
        RequestAsync(
            HttpMethod.Post,
            new Query($"/containers/{Escape(idOrName)}/kill").Add("signal", signal).ToString(),
            null,
            EngineOperation.On("kill", "container", idOrName),
            cancellationToken);

    /// <inheritdoc />
    public Task RestartContainerAsync(string idOrName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RequestAsync(
            HttpMethod.Post,
            new Query($"/containers/{Escape(idOrName)}/restart").Add("t", Seconds(timeout)).ToString(),
            null,
            EngineOperation.On("restart", "container", idOrName),
            cancellationToken,
            GraceLimit(timeout));

    /// <inheritdoc />
    public async Task<long> WaitContainerAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.On("wait for", "container", idOrName);
        try
        {
            using var response = await OpenStreamAsync(HttpMethod.Post, $"/containers/{Escape(idOrName)}/wait?condition=not-running", null, operation, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var answer = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, EngineJsonContext.Default.WaitResponseDto, cancellationToken).ConfigureAwait(false);
                if (answer?.Error?.Message is { Length: > 0 } error)
                {
                    throw new EngineApiException(operation.Description, System.Net.HttpStatusCode.OK, error);
                }

                return answer?.StatusCode ?? throw new EngineException($"{operation.Description} failed: the engine answered null");
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw transport.Unavailable(operation, ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new EngineException($"{operation.Description} failed: the engine's answer could not be read ({ex.Message})", ex);
        }
    }

    /// <inheritdoc />
    public Task RemoveContainerAsync(string idOrName, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default)
    {
        var query = new Query($"/containers/{Escape(idOrName)}");
        if (force)
        {
            query.Add("force", true);
        }

        if (removeVolumes)
        {
            query.Add("v", true);
        }

        return RequestAsync(HttpMethod.Delete, query.ToString(), null, EngineOperation.On("remove", "container", idOrName), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ContainerInfo> InspectContainerAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/containers/{Escape(idOrName)}/json", null, EngineJsonContext.Default.ContainerInspectDto, EngineOperation.On("inspect", "container", idOrName), cancellationToken).ConfigureAwait(false);
        return ContainerMapper.ToInfo(dto);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(ContainerListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ContainerListOptions();
        var filters = Query.Labels(options.Labels);
        filters = Query.WithFilter(filters, "name", options.Name is null ? null : [options.Name]);
        var query = new Query("/containers/json").Add("all", !options.RunningOnly).Filters(filters);
        var list = await RequestJsonAsync(HttpMethod.Get, query.ToString(), null, EngineJsonContext.Default.ListContainerListItemDto, EngineOperation.General("list containers"), cancellationToken).ConfigureAwait(false);
        return list.Select(ContainerMapper.ToSummary).Where(c => LabelFilter.Matches(c.Labels, options.Labels)).ToList();
    }

    /// <inheritdoc />
    public Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken = default) =>
        RequestAsync(
            HttpMethod.Post,
            new Query($"/containers/{Escape(idOrName)}/rename").Add("name", newName).ToString(),
            null,
            new EngineOperation($"rename container {idOrName} to {newName}", "container", idOrName),
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LogLine> GetLogsAsync(string idOrName, LogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.On("read logs of", "container", idOrName);
        return GuardStream(ReadLogsAsync(idOrName, options ?? new LogOptions(), operation, cancellationToken), operation, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ContainerStats> GetStatsAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, $"/containers/{Escape(idOrName)}/stats?stream=0", null, EngineJsonContext.Default.StatsDto, EngineOperation.On("read stats of", "container", idOrName), cancellationToken).ConfigureAwait(false);
        return StatsMapper.ToStats(dto);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ContainerStats> StreamStatsAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.On("stream stats of", "container", idOrName);
        return GuardStream(ReadStatsAsync(idOrName, operation, cancellationToken), operation, cancellationToken);
    }

    private async IAsyncEnumerable<LogLine> ReadLogsAsync(string idOrName, LogOptions options, EngineOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new Query($"/containers/{Escape(idOrName)}/logs")
            .Add("stdout", options.Stdout)
            .Add("stderr", options.Stderr)
            .Add("follow", options.Follow)
            .Add("timestamps", options.Timestamps)
            .Add("tail", options.Tail is { } tail ? tail.ToString(CultureInfo.InvariantCulture) : "all")
            .Add("since", options.Since is { } since ? EngineTime.ToUnixSeconds(since) : null)
            .Add("until", options.Until is { } until ? EngineTime.ToUnixSeconds(until) : null);
        using var response = await OpenStreamAsync(HttpMethod.Get, query.ToString(), null, operation, cancellationToken).ConfigureAwait(false);
        var framing = FramingFromContentType(response.Content.Headers.ContentType?.MediaType);
        if (framing == LogFraming.Detect)
        {
            // The engine's answer does not say (Docker before API 1.42 always calls it raw): a TTY container's log is raw.
            var info = await InspectContainerAsync(idOrName, cancellationToken).ConfigureAwait(false);
            framing = info.Tty ? LogFraming.Raw : LogFraming.Multiplexed;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in LogStreamReader.ReadAsync(stream, framing, options.Timestamps, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }

    private async IAsyncEnumerable<ContainerStats> ReadStatsAsync(string idOrName, EngineOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await OpenStreamAsync(HttpMethod.Get, $"/containers/{Escape(idOrName)}/stats?stream=1", null, operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var dto in JsonStreamReader.ReadAsync(stream, EngineJsonContext.Default.StatsDto, cancellationToken).ConfigureAwait(false))
            {
                yield return StatsMapper.ToStats(dto);
            }
        }
    }

    /// <summary>What the Content-Type says about framing. "multiplexed-stream" is always right; "raw-stream" only from API 1.42 on
    /// (older engines call every stream raw).</summary>
    private LogFraming FramingFromContentType(string? mediaType) => mediaType switch
    {
        "application/vnd.docker.multiplexed-stream" => LogFraming.Multiplexed,
        "application/vnd.docker.raw-stream" when ApiAtLeast(1, 42) => LogFraming.Raw,
        _ => LogFraming.Detect,
    };

    private bool ApiAtLeast(int major, int minor) =>
        Version.TryParse(Options.ApiVersion, out var version) && version >= new Version(major, minor);

    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            await RemoveContainerAsync(id, force: true, removeVolumes: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EngineException)
        {
            // Best effort: the original error is the one to report.
        }
    }

    private static long? Seconds(TimeSpan? timeout) => timeout is { } t ? (long)Math.Ceiling(t.TotalSeconds) : null;

    /// <summary>Stop and restart may take the grace period and then some: the request timeout comes on top of it; with no
    /// timeout given (the container's own, unknown here) only the caller's token bounds the call.</summary>
    private static TimeSpan? GraceLimit(TimeSpan? timeout) => timeout ?? Timeout.InfiniteTimeSpan;
}

using System.Runtime.CompilerServices;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

public sealed partial class DockerEngineClient
{
    private EngineKind? engineKind;

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.General("ping");
        using var deadline = new RequestDeadline(Options.PingTimeout, Time, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, transport.RawUri("/_ping"));
            using var response = await transport.SendAsync(request, operation, allowNotModified: false, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if (!body.Trim().Equals("OK", StringComparison.Ordinal))
            {
                throw EngineErrors.Unavailable(Endpoint, operation, $"GET /_ping answered '{Shorten(body)}', not OK: not a container engine", Options.UnavailableHint);
            }
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            throw transport.TimedOut(operation, deadline.Limit);
        }
        catch (EngineApiException ex)
        {
            throw EngineErrors.Unavailable(Endpoint, operation, $"GET /_ping answered {(int)ex.StatusCode} {ex.StatusCode}: not a container engine", Options.UnavailableHint, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw transport.Unavailable(operation, ex);
        }
    }

    /// <inheritdoc />
    public async Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, "/version", null, EngineJsonContext.Default.VersionDto, EngineOperation.General("read engine version"), cancellationToken).ConfigureAwait(false);
        return SystemMapper.ToVersion(dto);
    }

    /// <inheritdoc />
    public async Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var dto = await RequestJsonAsync(HttpMethod.Get, "/info", null, EngineJsonContext.Default.InfoDto, EngineOperation.General("read engine info"), cancellationToken).ConfigureAwait(false);
        return SystemMapper.ToInfo(dto);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EngineEvent> GetEventsAsync(EventFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var operation = EngineOperation.General("watch engine events");
        return GuardStream(ReadEventsAsync(filter ?? new EventFilter(), operation, cancellationToken), operation, cancellationToken);
    }

    private async IAsyncEnumerable<EngineEvent> ReadEventsAsync(EventFilter filter, EngineOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Podman 4 sends nothing at all when given both since and until: then until is applied here instead. Its action and
        // label filters do not mean what Docker's do: only the type filter is sent to it, and every filter is applied here.
        var until = filter.Until;
        var needsKind = (filter.Since is not null && until is not null) || filter.Actions.Count > 0 || filter.Labels.Count > 0 || filter.Containers.Count > 0;
        var isPodman = needsKind && await GetEngineKindAsync(cancellationToken).ConfigureAwait(false) == EngineKind.Podman;
        var emulateUntil = isPodman && filter.Since is not null && until is not null;
        var untilDelay = until is { } u ? u - Time.GetUtcNow() : TimeSpan.Zero;
        var query = new Query("/events")
            .Add("since", filter.Since is { } since ? EngineTime.ToUnixSeconds(since) : null)
            .Add("until", until is { } end && !emulateUntil ? EngineTime.ToUnixSeconds(end) : null)
            .Add("stream", emulateUntil && untilDelay <= TimeSpan.Zero ? "false" : null)
            .Filters(SystemMapper.EventFilters(isPodman ? new EventFilter { Types = filter.Types } : filter));
        using var untilReached = emulateUntil && untilDelay > TimeSpan.Zero ? new CancellationTokenSource(untilDelay, Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, untilReached.Token);
        using var response = await OpenStreamAsync(HttpMethod.Get, query.ToString(), null, operation, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var events = JsonStreamReader.ReadAsync(stream, EngineJsonContext.Default.EventDto, linked.Token).GetAsyncEnumerator(linked.Token);
            await using (events.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await events.MoveNextAsync().ConfigureAwait(false))
                        {
                            if (until is null)
                            {
                                // Without "until" the stream is endless: an end means the engine went away (or is stopping).
                                throw EngineErrors.Unavailable(Endpoint, operation, "the engine ended the event stream (is it stopping?)", Options.UnavailableHint);
                            }

                            yield break;
                        }
                    }
                    catch (OperationCanceledException) when (untilReached.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }

                    var engineEvent = SystemMapper.ToEvent(events.Current);
                    if (emulateUntil && engineEvent.Time > until)
                    {
                        yield break;
                    }

                    if (EventMatcher.Matches(engineEvent, filter))
                    {
                        yield return engineEvent;
                    }
                }
            }
        }
    }

    /// <summary>Which engine this is, asked once and remembered (only where the engines' behaviour differs).</summary>
    private async Task<EngineKind> GetEngineKindAsync(CancellationToken cancellationToken)
    {
        if (engineKind is { } known)
        {
            return known;
        }

        var kind = (await GetVersionAsync(cancellationToken).ConfigureAwait(false)).Kind;
        engineKind = kind;
        return kind;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text.Trim() : text[..60].Trim() + "...";
}

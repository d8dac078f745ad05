using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

/// <summary>The real Engine API client: talks to Docker or Podman over a unix socket or TCP with one pooled
/// <see cref="HttpClient"/> (keep-alive). Thread-safe; create one per endpoint and reuse it.</summary>
public sealed partial class DockerEngineClient : IEngineClient
{
    private readonly EngineHttpTransport transport;

    /// <summary>Creates a client for <paramref name="endpoint"/>. No connection is made until the first call.</summary>
    public DockerEngineClient(EngineEndpoint endpoint, DockerEngineClientOptions? options = null)
        : this(endpoint, options, handler: null)
    {
    }

    /// <summary>Creates a client whose HTTP requests go through <paramref name="handler"/> (tests).</summary>
    internal DockerEngineClient(EngineEndpoint endpoint, DockerEngineClientOptions? options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Options = options ?? new DockerEngineClientOptions();
        transport = new EngineHttpTransport(endpoint, Options, handler);
    }

    /// <inheritdoc />
    public EngineEndpoint Endpoint { get; }

    /// <summary>The settings this client was created with.</summary>
    public DockerEngineClientOptions Options { get; }

    private TimeProvider Time => Options.TimeProvider;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        transport.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One bounded request whose JSON answer is read into <typeparamref name="T"/>.</summary>
    private async Task<T> RequestJsonAsync<T>(HttpMethod method, string pathAndQuery, HttpContent? body, JsonTypeInfo<T> answerType, EngineOperation operation, CancellationToken cancellationToken)
    {
        using var deadline = new RequestDeadline(Options.RequestTimeout, Time, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(method, transport.ApiUri(pathAndQuery)) { Content = body };
            using var response = await transport.SendAsync(request, operation, allowNotModified: false, deadline.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, answerType, deadline.Token).ConfigureAwait(false);
                return value ?? throw new EngineException($"{operation.Description} failed: the engine answered null");
            }
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            throw transport.TimedOut(operation, deadline.Limit);
        }
        catch (JsonException ex)
        {
            throw new EngineException($"{operation.Description} failed: the engine's answer could not be read ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw transport.Unavailable(operation, ex);
        }
    }

    /// <summary>One bounded request whose answer body is not needed. Returns whether the engine answered 304 (already so).
    /// <paramref name="extraTime"/> is added to the request timeout (<see cref="Timeout.InfiniteTimeSpan"/>: no timeout).</summary>
    private async Task<bool> RequestAsync(HttpMethod method, string pathAndQuery, HttpContent? body, EngineOperation operation, CancellationToken cancellationToken, TimeSpan? extraTime = null)
    {
        var limit = extraTime == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Options.RequestTimeout + (extraTime ?? TimeSpan.Zero);
        using var deadline = new RequestDeadline(limit, Time, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(method, transport.ApiUri(pathAndQuery)) { Content = body };
            using var response = await transport.SendAsync(request, operation, allowNotModified: true, deadline.Token).ConfigureAwait(false);
            return response.StatusCode == System.Net.HttpStatusCode.NotModified;
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            throw transport.TimedOut(operation, deadline.Limit);
        }
    }

    /// <summary>Sends a request whose answer is a stream (logs, events, progress): no timeout beyond the caller's token,
    /// and the body is left unread for the caller.</summary>
    private async Task<HttpResponseMessage> OpenStreamAsync(HttpMethod method, string pathAndQuery, HttpContent? body, EngineOperation operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, transport.ApiUri(pathAndQuery)) { Content = body };
        return await transport.SendAsync(request, operation, allowNotModified: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Passes <paramref name="source"/> through, turning a connection that drops mid-stream into an
    /// <see cref="EngineUnavailableException"/> (unless the caller cancelled).</summary>
    private async IAsyncEnumerable<T> GuardStream<T>(IAsyncEnumerable<T> source, EngineOperation operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw transport.Unavailable(operation, ex);
                }
                catch (System.Text.Json.JsonException ex)
                {
                    throw new EngineException($"{operation.Description} failed: the engine sent something that is not JSON ({ex.Message})", ex);
                }

                yield return enumerator.Current;
            }
        }
    }

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type) =>
        EngineHttpTransport.JsonBody(JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

using System.Net;
using System.Net.Http.Headers;

namespace Coxswain.Engine.Docker;

/// <summary>One pooled HTTP/1.1 client per endpoint. Sends requests to <c>/v{ApiVersion}/...</c>, returns the response as
/// soon as its headers arrive, and turns transport failures and error statuses into engine exceptions.</summary>
internal sealed class EngineHttpTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient client;
    private readonly Uri baseUri;

    public EngineHttpTransport(EngineEndpoint endpoint, DockerEngineClientOptions options, HttpMessageHandler? handler = null)
    {
        Endpoint = endpoint;
        Options = options;
        baseUri = endpoint.IsUnixSocket
            ? new Uri("http://localhost/")
            : new Uri($"http://{endpoint.Uri.Host}:{(endpoint.Uri.IsDefaultPort || endpoint.Uri.Port <= 0 ? 2375 : endpoint.Uri.Port)}/");
        client = new HttpClient(handler ?? CreateHandler(endpoint, options), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        PathPrefix = "/v" + options.ApiVersion;
    }

    public EngineEndpoint Endpoint { get; }

    public DockerEngineClientOptions Options { get; }

    /// <summary>"/v1.41": put in front of every API path.</summary>
    public string PathPrefix { get; }

    /// <summary>An absolute request URI for a versioned API path such as "/containers/json?all=1".</summary>
    public Uri ApiUri(string pathAndQuery) => new(baseUri, PathPrefix + pathAndQuery);

    /// <summary>An absolute request URI for an unversioned path such as "/_ping".</summary>
    public Uri RawUri(string pathAndQuery) => new(baseUri, pathAndQuery);

    public static ByteArrayContent JsonBody(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>Sends <paramref name="request"/> and returns the response once its headers arrived. Error statuses are read and
    /// thrown as <see cref="EngineApiException"/>s (304 counts as success when <paramref name="allowNotModified"/>);
    /// transport failures become <see cref="EngineUnavailableException"/>s naming the endpoint.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, EngineOperation operation, bool allowNotModified, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(operation, ex);
        }

        if (response.IsSuccessStatusCode || (allowNotModified && response.StatusCode == HttpStatusCode.NotModified))
        {
            return response;
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                body = "";
            }

            throw EngineErrors.FromStatus(response.StatusCode, body, operation);
        }
    }

    /// <summary>The error for a request that got no usable answer.</summary>
    public EngineUnavailableException Unavailable(EngineOperation operation, Exception cause) =>
        EngineErrors.Unavailable(Endpoint, operation, EngineErrors.DescribeTransportFailure(cause), Options.UnavailableHint, cause);

    /// <summary>The error for a request that got no answer in time.</summary>
    public EngineUnavailableException TimedOut(EngineOperation operation, TimeSpan limit) =>
        EngineErrors.Unavailable(Endpoint, operation, $"no answer within {limit.TotalSeconds:0.###} s", Options.UnavailableHint);

    public void Dispose() => client.Dispose();

    private static SocketsHttpHandler CreateHandler(EngineEndpoint endpoint, DockerEngineClientOptions options)
    {
        var connector = new EngineSocketConnector(endpoint, options.ConnectTimeout, options.TimeProvider);
        return new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
    }
}

namespace Coxswain.Engine;

/// <summary>The engine <see cref="EngineDiscovery"/> chose: its client, where it was found, what it is, which candidates
/// before it did not answer, and the Podman service discovery started for it, if any. Disposing it disposes the client
/// and stops that service.</summary>
public sealed class DiscoveredEngine : IAsyncDisposable
{
    private readonly bool _ownsClient;

    /// <summary>Wraps a chosen engine. <paramref name="startedService"/> is stopped when this is disposed; the client is disposed
    /// too unless <paramref name="ownsClient"/> is false (a caller lending its own client, e.g. an in-memory engine in a test).</summary>
    public DiscoveredEngine(
        IEngineClient client,
        EngineVersion version,
        IReadOnlyList<EndpointAttempt>? failedAttempts = null,
        IPodmanService? startedService = null,
        bool ownsClient = true)
    {
        _ownsClient = ownsClient;
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(version);
        Client = client;
        Version = version;
        FailedAttempts = failedAttempts ?? [];
        StartedService = startedService;
    }

    /// <summary>The client to use (owned by this object unless it was created with <c>ownsClient: false</c>).</summary>
    public IEngineClient Client { get; }

    /// <summary>Where the engine listens; <see cref="EngineEndpoint.Source"/> says where it was found (see <see cref="EndpointSources"/>).</summary>
    public EngineEndpoint Endpoint => Client.Endpoint;

    /// <summary>Where the endpoint was found, e.g. "DOCKER_HOST" or "default Docker socket".</summary>
    public string Source => Endpoint.Source;

    /// <summary>What <c>GET /version</c> answered.</summary>
    public EngineVersion Version { get; }

    /// <summary>Docker, Podman or in-memory.</summary>
    public EngineKind Kind => Version.Kind;

    /// <summary>Candidates tried before this one that did not answer, in order, with their errors.</summary>
    public IReadOnlyList<EndpointAttempt> FailedAttempts { get; }

    /// <summary>The <c>podman system service</c> discovery started because nothing else answered, or null.</summary>
    public IPodmanService? StartedService { get; }

    /// <summary>True when <see cref="StartedService"/> is set.</summary>
    public bool StartedPodmanService => StartedService is not null;

    /// <summary>Disposes the client (when owned), then stops the started service (if any).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_ownsClient)
            {
                await Client.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (StartedService is not null)
            {
                await StartedService.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

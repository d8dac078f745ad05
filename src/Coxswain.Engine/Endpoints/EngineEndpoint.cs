namespace Coxswain.Engine;

/// <summary>Where an engine listens: <c>unix:///path/to.sock</c> or <c>tcp://host:port</c> (also <c>http://</c>).
/// <see cref="Source"/> says where Coxswain found it ("--host", "DOCKER_HOST", "default Docker socket", ...).</summary>
public sealed record EngineEndpoint
{
    /// <summary>Creates an endpoint from a URI string; throws <see cref="ArgumentException"/> with the accepted forms when it is not one.</summary>
    public EngineEndpoint(string address, string source = "given")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http"))
        {
            throw new ArgumentException($"'{address}' is not an engine address: use unix:///path/to/docker.sock or tcp://host:port", nameof(address));
        }

        Address = address;
        Uri = uri;
        Source = source;
    }

    private EngineEndpoint(string address, Uri uri, string source)
    {
        Address = address;
        Uri = uri;
        Source = source;
    }

    /// <summary>The address as given.</summary>
    public string Address { get; }

    /// <summary>The parsed address.</summary>
    public Uri Uri { get; }

    /// <summary>Where this endpoint came from, for messages.</summary>
    public string Source { get; }

    /// <summary>True for a unix socket.</summary>
    public bool IsUnixSocket => Uri.Scheme == "unix";

    /// <summary>The socket path, for unix endpoints.</summary>
    public string SocketPath => IsUnixSocket ? Uri.LocalPath : throw new InvalidOperationException($"{Address} is not a unix socket");

    /// <inheritdoc />
    public override string ToString() => Address;

    /// <summary>An endpoint for text that is not an engine address (a malformed DOCKER_HOST), so that discovery can report it
    /// as an <see cref="EndpointAttempt"/> with the text as written. It is never connected to.</summary>
    internal static EngineEndpoint Unparsed(string text, string source) =>
        new(text, new Uri("invalid:" + Uri.EscapeDataString(text)), source);
}

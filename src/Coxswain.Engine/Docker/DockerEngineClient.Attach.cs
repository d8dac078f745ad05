using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Coxswain.Engine.Docker;

namespace Coxswain.Engine;

/// <summary>Attach: one raw connection per attach, upgraded from HTTP the way the engine's own CLI does it.</summary>
public sealed partial class DockerEngineClient : IContainerAttach
{
    private const int MaxHeaderBytes = 16 * 1024;

    /// <inheritdoc />
    public async Task<Stream> AttachAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        var operation = EngineOperation.On("attach to", "container", idOrName);
        var stream = await ConnectRawAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = $"POST /v{Options.ApiVersion}/containers/{Escape(idOrName)}/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
                + "Host: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            var (status, head) = await ReadResponseHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (status is 101 or 200)
            {
                return stream;
            }

            var message = await ReadSomeAsync(stream, cancellationToken).ConfigureAwait(false);
            throw status == 404
                ? new EngineNotFoundException(operation.Description, "container", idOrName, message)
                : new EngineApiException(operation.Description, (HttpStatusCode)status, message.Length > 0 ? message : head);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task ResizeTtyAsync(string idOrName, int height, int width, CancellationToken cancellationToken = default) =>
        RequestAsync(
            HttpMethod.Post,
            new Query($"/containers/{Escape(idOrName)}/resize")
                .Add("h", height.ToString(CultureInfo.InvariantCulture)).Add("w", width.ToString(CultureInfo.InvariantCulture)).ToString(),
            null,
            EngineOperation.On("resize the TTY of", "container", idOrName),
            cancellationToken);

    private async Task<Stream> ConnectRawAsync(CancellationToken cancellationToken)
    {
        var unix = Endpoint.IsUnixSocket;
        var socket = unix ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        EndPoint target = unix ? new UnixDomainSocketEndPoint(Endpoint.SocketPath) : new DnsEndPoint(Endpoint.Uri.Host, Endpoint.Uri.Port);
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(target, linked.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new EngineUnavailableException([new EndpointAttempt(Endpoint, $"attach: cannot connect: {e.Message}")], "is the engine still running?", e);
        }
    }

    /// <summary>Reads the status line and headers (up to the blank line), byte by byte so nothing after them is consumed.</summary>
    private static async Task<(int Status, string Head)> ReadResponseHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < MaxHeaderBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                break;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        var text = Encoding.ASCII.GetString([.. head]);
        var parts = text.Split(' ', 3);
        var status = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        return (status, text.Split('\r')[0]);
    }

    private static async Task<string> ReadSomeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        var json = text.IndexOf("{\"message\":\"", StringComparison.Ordinal);
        return json >= 0 ? text[(json + 12)..].Split('"')[0] : text.Trim();
    }
}

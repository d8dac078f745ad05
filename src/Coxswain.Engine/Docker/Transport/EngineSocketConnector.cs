using System.Net;
using System.Net.Sockets;

namespace Coxswain.Engine.Docker;

/// <summary>Opens the byte stream under every HTTP connection: a unix domain socket for <c>unix://</c> endpoints,
/// TCP (no Nagle) for <c>tcp://</c> and <c>http://</c>. Connecting is bounded by a timeout on the injected clock.</summary>
internal sealed class EngineSocketConnector(EngineEndpoint endpoint, TimeSpan connectTimeout, TimeProvider timeProvider)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        EndPoint target = endpoint.IsUnixSocket ? new UnixDomainSocketEndPoint(endpoint.SocketPath) : context.DnsEndPoint;
        var socket = endpoint.IsUnixSocket
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(connectTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(target, linked.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new EngineConnectException($"connecting timed out after {connectTimeout.TotalSeconds:0.###} s");
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new EngineConnectException(Describe(ex), ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private string Describe(SocketException ex)
    {
        if (endpoint.IsUnixSocket && !File.Exists(endpoint.SocketPath))
        {
            return $"socket {endpoint.SocketPath} does not exist";
        }

        return ex.SocketErrorCode switch
        {
            SocketError.ConnectionRefused when endpoint.IsUnixSocket => $"connection refused on {endpoint.SocketPath} (nothing is listening: a stale socket file?)",
            SocketError.ConnectionRefused => "connection refused",
            SocketError.AccessDenied => $"permission denied on {endpoint.Address} (run as root or as a member of the engine's group)",
            SocketError.HostNotFound or SocketError.NoData => $"host {endpoint.Uri.Host} not found",
            SocketError.TimedOut => "connecting timed out",
            _ => $"cannot connect: {ex.Message}",
        };
    }
}

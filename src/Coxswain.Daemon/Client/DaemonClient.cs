using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Coxswain.Daemon.Rpc;

namespace Coxswain.Daemon.Client;

/// <summary>Calls a running daemon's JSON-RPC API over its unix socket (what <c>cox app …</c>, <c>cox events</c> and <c>cox inspect</c> use).</summary>
public sealed class DaemonClient : IDisposable
{
    private readonly HttpClient _http;
    private long _nextId;

    /// <summary>Creates a client for the daemon on <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">The daemon's socket.</param>
    /// <param name="timeout">How long one call may take (an install waits for health): default 10 minutes.</param>
    public DaemonClient(string socketPath, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://cox-daemon"), Timeout = timeout ?? TimeSpan.FromMinutes(10) };
    }

    /// <summary>The socket called.</summary>
    public string SocketPath { get; }

    /// <summary>Calls <paramref name="method"/> and returns its result.</summary>
    /// <param name="method">The method, e.g. <c>app.install</c>.</param>
    /// <param name="parameters">The params object (serialized camelCase), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="DaemonUnavailableException">When nothing answers on the socket.</exception>
    /// <exception cref="RpcException">When the method fails (its code, message and data).</exception>
    public async Task<JsonElement> CallAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["method"] = method,
            ["params"] = parameters,
            ["id"] = Interlocked.Increment(ref _nextId),
        };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync("/rpc/v1", request, JsonRpcDispatcher.Json, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DaemonUnavailableException(
                $"no cox daemon answers on {SocketPath} ({e.InnerException?.Message ?? e.Message}); start one with `cox daemon`, or point --socket (COX_DAEMON_SOCKET) at the one running", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                var data = error.TryGetProperty("data", out var d) ? (object)d.Clone() : null;
                throw new RpcException(error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "", data);
            }

            return root.GetProperty("result").Clone();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

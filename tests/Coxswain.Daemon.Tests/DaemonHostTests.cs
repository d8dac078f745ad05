using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Coxswain.Daemon.Events;
using Coxswain.Daemon.Hosting;
using Coxswain.Daemon.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Coxswain.Daemon.Tests;

/// <summary>The host on a real unix socket (and TCP on a free loopback port) in a private temporary folder.</summary>
public sealed class DaemonHostTests : IAsyncDisposable
{
    private const string Ping = """{"jsonrpc":"2.0","method":"ping","id":1}""";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cox-daemon-tests", Guid.NewGuid().ToString("N")[..8]);
    private readonly DaemonEventHub _events = new();
    private WebApplication? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Socket => Path.Combine(_folder, "run", "cox.sock");

    [Fact]
    public async Task Rpc_OnTheUnixSocket_AnswersWithoutAToken()
    {
        await StartAsync();
        using var client = UnixClient();

        var answer = await PostAsync(client, Ping);

        Assert.Equal("""{"jsonrpc":"2.0","result":"pong","id":1}""", answer);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Socket_IsOwnerOnly_InAnOwnerOnlyFolder()
    {
        await StartAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(Socket)!));
    }

    [Fact]
    public async Task Rpc_OnTcp_RefusesAMissingOrWrongTokenAndAcceptsTheRightOne()
    {
        var port = FreePort();
        await StartAsync(new IPEndPoint(IPAddress.Loopback, port), "s3cret-token");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var none = await client.PostAsync("/rpc/v1", Json(Ping), Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await client.PostAsync("/rpc/v1", Json(Ping), Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        using var right = await client.PostAsync("/rpc/v1", Json(Ping), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public void Build_TcpWithoutToken_RefusesToStart()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DaemonHost.Build(Options(new IPEndPoint(IPAddress.Loopback, 1), null), Methods(), _events));

        Assert.Contains("needs a bearer token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SecondDaemonOnTheSameSocket_SaysAnotherIsListening()
    {
        await StartAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => DaemonHost.Build(Options(), Methods(), _events));

        Assert.Contains("another cox daemon is already listening on " + Socket, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_StaleSocketFileOfADeadDaemon_IsReplaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Socket)!);
        using (var dead = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(Socket)); // bound, never listening, then closed: the file stays
        }

        await StartAsync();
        using var client = UnixClient();

        Assert.Contains("pong", await PostAsync(client, Ping), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_StreamsPublishedEventsAndResumesAfterLastEventId()
    {
        await StartAsync();
        _events.Publish(new DaemonEvent(DateTimeOffset.UnixEpoch, "restarted", "demo/db", "restarted db: crashed (exit 1), attempt 1 of 10, backoff 1 s"));
        _events.Publish(new DaemonEvent(DateTimeOffset.UnixEpoch, "healthy", "demo/db", "db is healthy"));
        using var client = UnixClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Last-Event-ID", "1");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct).WaitAsync(Bound, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var first = await ReadEventAsync(reader);
        _events.Publish(new DaemonEvent(DateTimeOffset.UnixEpoch, "failed", "demo/api", "api failed: gave up after 10 restarts"));
        var second = await ReadEventAsync(reader);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id: 2\nevent: healthy\ndata: {", first, StringComparison.Ordinal);
        Assert.StartsWith("id: 3\nevent: failed\ndata: {", second, StringComparison.Ordinal);
        Assert.Contains("\"message\":\"api failed: gave up after 10 restarts\"", second, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(Bound, Ct) is { } line)
        {
            if (line.Length == 0)
            {
                return text.ToString();
            }

            text.Append(line).Append('\n');
        }

        throw new InvalidOperationException("the event stream ended");
    }

    private static RpcMethodTable Methods() => new RpcMethodTable().Add("ping", (_, _) => Task.FromResult<object?>("pong"));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> PostAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/rpc/v1", Json(body), Ct).WaitAsync(Bound, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private DaemonOptions Options(IPEndPoint? tcp = null, string? token = null) => new() { SocketPath = Socket, TcpEndpoint = tcp, Token = token };

    private async Task StartAsync(IPEndPoint? tcp = null, string? token = null)
    {
        _app = DaemonHost.Build(Options(tcp, token), Methods(), _events, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync(Ct).WaitAsync(Bound, Ct);
    }

    private HttpClient UnixClient()
    {
        var path = Socket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://cox") };
    }
}

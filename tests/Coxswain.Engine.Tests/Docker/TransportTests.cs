using System.Diagnostics;
using System.Text;
using Coxswain.Engine.Tests.Support;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

/// <summary>The real transport (SocketsHttpHandler over a unix socket) against small servers that are, or are not, engines.</summary>
public sealed class TransportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ping_SocketPathMissing_IsUnavailableNamingThePath()
    {
        var path = $"/tmp/cox-client-test-missing-{Guid.NewGuid():N}.sock";
        await using var client = new DockerEngineClient(new EngineEndpoint($"unix://{path}", "DOCKER_HOST"));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Contains($"unix://{path} (DOCKER_HOST): ping: socket {path} does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/engines.sh start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_SocketThatClosesAtOnce_IsUnavailableWithinTwoSeconds()
    {
        await using var server = new UnixSocketServer((socket, _) => Task.CompletedTask);
        await using var client = new DockerEngineClient(server.Endpoint);
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2), $"took {Stopwatch.GetElapsedTime(started)}");
        Assert.Contains("ping: the connection closed without an answer (is this a container engine's socket?)", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_SocketThatAnswersGarbage_IsUnavailableSayingNotHttp()
    {
        await using var server = new UnixSocketServer(async (socket, ct) =>
        {
            await UnixSocketServer.ReadRequestHeadAsync(socket, ct);
            await socket.SendAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"), ct);
        });
        await using var client = new DockerEngineClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Contains("ping: the answer was not HTTP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_SocketThatNeverAnswers_IsUnavailableAfterThePingTimeout()
    {
        await using var server = new UnixSocketServer(async (socket, ct) => await Task.Delay(Timeout.Infinite, ct));
        await using var client = new DockerEngineClient(server.Endpoint, new DockerEngineClientOptions { PingTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Contains("ping: no answer within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_HttpServerThatIsNotAnEngine_IsUnavailable()
    {
        await using var server = new UnixSocketServer(UnixSocketServer.AlwaysAnswer("<html>hello</html>", "text/html"));
        await using var client = new DockerEngineClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Contains("GET /_ping answered '<html>hello</html>', not OK: not a container engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_EngineAnswersOk_SucceedsAndReusesTheConnection()
    {
        await using var server = new UnixSocketServer(UnixSocketServer.AlwaysAnswer("OK"));
        await using var client = new DockerEngineClient(server.Endpoint);

        for (var i = 0; i < 3; i++)
        {
            await client.PingAsync(Token).WaitAsync(TimeSpan.FromSeconds(10), Token);
        }

        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Request_ConnectionRefusedOnStaleSocketFile_IsUnavailableSayingNothingListens()
    {
        // A socket file nobody listens on: bound but never listening (closing it would delete the file).
        var path = $"/tmp/cox-client-test-stale-{Guid.NewGuid():N}.sock";
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        bound.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        await using var client = new DockerEngineClient(new EngineEndpoint($"unix://{path}"));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.StartContainerAsync("web-1", Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Contains($"start container web-1: connection refused on {path} (nothing is listening: a stale socket file?)", error.Message, StringComparison.Ordinal);
    }
}

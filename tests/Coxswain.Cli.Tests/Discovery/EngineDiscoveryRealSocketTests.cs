using System.Net.Sockets;
using System.Text;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.Discovery;

/// <summary>Discovery with the real client against sockets made in a temp folder: missing, refusing, and not an engine.</summary>
public sealed class EngineDiscoveryRealSocketTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-discovery-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DiscoverAsync_EverySocketMissing_ThrowsWithEveryEndpointWellUnderTwoSeconds()
    {
        var options = Options(new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"unix://{_dir}/from-env.sock",
            ["XDG_RUNTIME_DIR"] = _dir,
        });

        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(options, Ct));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"discovery took {elapsed}");
        Assert.Equal(
            [
                $"socket {_dir}/from-env.sock does not exist",
                $"socket {_dir}/docker.sock does not exist",
                $"socket {_dir}/podman-rootful.sock does not exist",
                $"socket {_dir}/podman/podman.sock does not exist",
            ],
            error.Attempts.Select(a => a.Error));
    }

    [Fact]
    public async Task DiscoverAsync_StaleSocketFile_ReportsConnectionRefused()
    {
        var path = Path.Combine(_dir, "docker.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path)); // bound, never listening: like a socket file left by a dead engine

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(Options([]), Ct));

        Assert.Equal($"connection refused: nothing listens on {path}", error.Attempts[0].Error);
    }

    [Fact]
    public async Task DiscoverAsync_SocketAnswersGarbage_ReportsNotAContainerEngine()
    {
        var path = Path.Combine(_dir, "docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(4);
        var serving = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync(Ct);
            await connection.ReceiveAsync(new byte[4096], SocketFlags.None, Ct);
            await connection.SendAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n"), SocketFlags.None, Ct);
            connection.Shutdown(SocketShutdown.Both);
        }, Ct);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => EngineDiscovery.DiscoverAsync(Options([]), Ct));
        await serving.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.StartsWith("answered but is not a container engine", error.Attempts[0].Error, StringComparison.Ordinal);
    }

    // A generous ping timeout: these tests are about the errors, and test machines are busy (the missing-socket test
    // never pings, so its time bound still holds).
    private EngineDiscoveryOptions Options(Dictionary<string, string> variables) => new()
    {
        PingTimeout = TimeSpan.FromSeconds(5),
        Environment = DiscoveryEnvironment.FromVariables(variables) with
        {
            DockerSocketPath = Path.Combine(_dir, "docker.sock"),
            ScriptEngineSocketPaths = [],
            PodmanRootfulSocketPath = Path.Combine(_dir, "podman-rootful.sock"),
            FindExecutable = _ => null,
        },
    };
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.Discovery;

/// <summary>The real <c>podman system service</c> process, started on a private socket and stopped again (skipped without podman).</summary>
public sealed class PodmanServiceStarterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-podman-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task StartAsync_RealPodman_AnswersOnThePrivateSocketAndDisposeStopsItAndRemovesTheSocket()
    {
        var podman = DiscoveryEnvironment.System.ResolveExecutable("podman");
        if (podman is null)
        {
            Assert.Skip("podman is not on PATH (apt-get install podman)");
        }

        var socket = Path.Combine(_dir, "private", "podman.sock");
        var service = await new PodmanServiceStarter().StartAsync(podman, socket, Ct);
        int? pid = service.ProcessId;
        try
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(socket)!));
            await using var client = new DockerEngineClient(new EngineEndpoint("unix://" + socket));
            var answered = false;
            for (var i = 0; i < 100 && !answered && !service.HasExited; i++)
            {
                try
                {
                    await client.PingAsync(Ct);
                    answered = true;
                }
                catch (EngineUnavailableException)
                {
                    await Task.Delay(100, Ct);
                }
            }

            Assert.True(answered, $"podman did not answer: exit code {service.ExitCode}, output: {service.RecentOutput}");
            Assert.Equal(EngineKind.Podman, (await client.GetVersionAsync(Ct)).Kind);
        }
        finally
        {
            await service.DisposeAsync();
        }

        Assert.True(service.HasExited);
        Assert.False(File.Exists(socket));
        Assert.False(pid is { } id && Directory.Exists($"/proc/{id}") && File.ReadAllText($"/proc/{id}/stat").Split(' ')[2] != "Z");
    }
}

using System.Text.Json;
using Coxswain.Cli.Engines;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.Cli;

/// <summary><c>cox doctor</c> and <see cref="Engine.LocalImages"/> against the real test engines
/// (<c>eval "$(scripts/engines.sh env)"</c>); skipped when the variable is not set.</summary>
public sealed class RealEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-real-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("COX_TEST_DOCKER_HOST", "Docker")]
    [InlineData("COX_TEST_PODMAN_HOST", "Podman")]
    public async Task Doctor_RealEngine_AllChecksPassAndNothingIsLeftBehind(string variable, string kind)
    {
        var host = HostOrSkip(variable);
        // A generous ping timeout: this test is about the checks, and test machines are busy.
        var run = new CliRun { Engines = new DiscoveryEngineConnector(DiscoveryEnvironment.System, TimeProvider.System, pingTimeout: TimeSpan.FromSeconds(5)) };

        var exitCode = await run.RunAsync("doctor", "--json", "--host", host);

        Assert.True(exitCode == 0, run.Out.ToString() + run.Error);
        using var json = JsonDocument.Parse(run.Out.ToString());
        Assert.Equal(kind, json.RootElement.GetProperty("engine").GetProperty("kind").GetString());
        Assert.Equal("--host", json.RootElement.GetProperty("engine").GetProperty("source").GetString());
        await using var engine = new DockerEngineClient(new EngineEndpoint(host));
        var leftovers = await engine.ListContainersAsync(new ContainerListOptions { Labels = ["io.coxswain.doctor"] }, Ct);
        Assert.Empty(leftovers);
    }

    [Theory]
    [InlineData("COX_TEST_DOCKER_HOST")]
    [InlineData("COX_TEST_PODMAN_HOST")]
    public async Task BuildAsync_RealEngine_BuildsFromTheBusyboxImageRespectingDockerignore(string variable)
    {
        var host = HostOrSkip(variable);
        await using var engine = new DockerEngineClient(new EngineEndpoint(host));
        var tag = $"cox-test-build:{Guid.NewGuid():N}"[..32];
        await File.WriteAllTextAsync(Path.Combine(_dir, "Dockerfile"), $"FROM {Engine.LocalImages.BusyboxReference}\nCOPY . /app/\nRUN test -f /app/keep.txt && ! test -e /app/skip.log\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(_dir, ".dockerignore"), "*.log\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(_dir, "keep.txt"), "keep", Ct);
        await File.WriteAllTextAsync(Path.Combine(_dir, "skip.log"), "skip", Ct);

        await Engine.LocalImages.EnsureBusyboxAsync(engine, cancellationToken: Ct);
        var id = await Engine.LocalImages.BuildAsync(engine, _dir, new BuildOptions { Tags = [tag] }, cancellationToken: Ct);
        try
        {
            var image = await engine.InspectImageAsync(tag, Ct);
            Assert.Equal(id, image.Id);
        }
        finally
        {
            await engine.RemoveImageAsync(tag, force: true, CancellationToken.None);
        }
    }

    private static string HostOrSkip(string variable)
    {
        var host = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(host))
        {
            Assert.Skip($"{variable} is not set: run `eval \"$(scripts/engines.sh env)\"` after `scripts/engines.sh start`");
        }

        return host;
    }
}

using System.Text.Json;
using Coxswain.Cli.Engines;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.Cli;

/// <summary><c>cox doctor</c> on a machine where nothing answers: every socket path points to a missing file in a temp folder,
/// DOCKER_HOST too, and there is no podman on PATH.</summary>
public sealed class NoEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cox-noengine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Doctor_NoEngine_Exits3WithinTwoSecondsListingEveryEndpointAndTheHint()
    {
        var run = Run();

        var started = TimeProvider.System.GetTimestamp();
        var exitCode = await run.RunAsync("doctor");
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.Equal(3, exitCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
        Assert.Equal("", run.Out.ToString());
        Assert.Equal(
            $"""
            cox: no container engine answered. Tried, in order:
              ✗ unix://{_dir}/env.sock (DOCKER_HOST): socket {_dir}/env.sock does not exist
              ✗ unix://{_dir}/docker.sock (default Docker socket): socket {_dir}/docker.sock does not exist
              ✗ unix://{_dir}/podman-rootful.sock (Podman rootful socket): socket {_dir}/podman-rootful.sock does not exist
              ✗ unix://{_dir}/xdg/podman/podman.sock (Podman rootless socket): socket {_dir}/xdg/podman/podman.sock does not exist
            {EngineDiscovery.InstallHint}

            """,
            run.Error.ToString());
    }

    [Fact]
    public async Task Doctor_NoEngineJson_Exits3WithTheAttemptsAsJson()
    {
        var run = Run();

        var exitCode = await run.RunAsync("doctor", "--json");

        Assert.Equal(3, exitCode);
        using var json = JsonDocument.Parse(run.Out.ToString());
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(4, json.RootElement.GetProperty("attempts").GetArrayLength());
        Assert.Equal("DOCKER_HOST", json.RootElement.GetProperty("attempts")[0].GetProperty("source").GetString());
        Assert.Contains("scripts/engines.sh start", json.RootElement.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MalformedDockerHost_IsOneOfTheAttemptsNotACrash()
    {
        var run = Run();
        run.Variables["DOCKER_HOST"] = "foo";

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(3, exitCode);
        Assert.Contains(
            "✗ foo (DOCKER_HOST): DOCKER_HOST=\"foo\" is not an engine address (it has no scheme): use unix:///path/to.sock or tcp://host:port",
            run.Error.ToString(),
            StringComparison.Ordinal);
    }

    private CliRun Run()
    {
        // The command and discovery read the same variables.
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOCKER_HOST"] = $"unix://{_dir}/env.sock",
            ["XDG_RUNTIME_DIR"] = Path.Combine(_dir, "xdg"),
        };
        var environment = new DiscoveryEnvironment
        {
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : null,
            FindExecutable = _ => null,
            DockerSocketPath = Path.Combine(_dir, "docker.sock"),
            ScriptEngineSocketPaths = [],
            PodmanRootfulSocketPath = Path.Combine(_dir, "podman-rootful.sock"),
            TempDirectory = _dir,
        };
        return new CliRun { Engines = new DiscoveryEngineConnector(environment, TimeProvider.System), Variables = variables };
    }
}

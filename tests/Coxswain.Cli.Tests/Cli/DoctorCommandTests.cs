using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Cli;

public sealed partial class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_EngineWorks_PrintsEngineAndEveryCheckAndExits0()
    {
        var engine = ReadyEngine();
        var run = new CliRun { Engines = new FixedEngineConnector(engine), Time = new ManualTimeProvider() };

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            """
            Engine     Docker 99.1.0, API 1.41 (minimum 1.12), linux/amd64
            Endpoint   unix:///fake/engine.sock, from fake (found in 0 ms)

            ✓ ping (0 ms)
            ✓ busybox image cox-busybox:latest: present (0 ms)
            ✓ create container cox-doctor-XXXXXXXX (0 ms)
            ✓ start container (0 ms)
            ✓ exec sh -c 'echo cox-doctor; exit 3': exit code 3, output "cox-doctor" (0 ms)
            ✓ remove container (0 ms)

            All 6 checks passed: cox can use Docker at unix:///fake/engine.sock.

            """,
            Normalize(run.Out.ToString()));
        Assert.Equal("", run.Error.ToString());
        Assert.Empty(engine.Containers);
        var removed = Assert.Single(engine.RemovedContainers);
        Assert.Matches("^cox-doctor-[0-9a-f]{8}$", removed);
    }

    [Fact]
    public async Task Doctor_ContainerLabelAndCommand_AreTheDoctorsOwn()
    {
        var engine = ReadyEngine();
        var run = new CliRun { Engines = new FixedEngineConnector(engine) };

        await run.RunAsync("doctor");

        var seen = Assert.Single(engine.CreatedContainers);
        Assert.Equal("true", seen.Spec.Labels["io.coxswain.doctor"]);
        Assert.Equal(["sleep", "30"], seen.Spec.Command!);
        Assert.Equal(["sh", "-c", "echo cox-doctor; exit 3"], Assert.Single(seen.Execs));
    }

    [Fact]
    public async Task Doctor_StartFails_ReportsItWithAHintSkipsExecRemovesTheContainerAndExits1()
    {
        var engine = ReadyEngine();
        engine.StartError = new EngineApiException(
            "start container x", HttpStatusCode.InternalServerError, "error setting rlimit type 7: operation not permitted");
        var run = new CliRun { Engines = new FixedEngineConnector(engine), Time = new ManualTimeProvider() };

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(1, exitCode);
        var output = Normalize(run.Out.ToString());
        Assert.Contains(
            """
            ✗ start container (0 ms)
                start container x failed: the engine answered 500 InternalServerError: error setting rlimit type 7: operation not permitted
                hint: the engine cannot apply Podman's default rlimits here
            """,
            output,
            StringComparison.Ordinal);
        Assert.Contains("- exec sh -c 'echo cox-doctor; exit 3' (skipped: start failed)", output, StringComparison.Ordinal);
        Assert.Contains("✓ remove container (0 ms)", output, StringComparison.Ordinal);
        Assert.EndsWith("1 of 6 checks failed on Docker at unix:///fake/engine.sock.\n", output, StringComparison.Ordinal);
        Assert.Empty(engine.Containers);
    }

    [Fact]
    public async Task Doctor_ExecAnswersWrongly_FailsTheExecCheckSayingWhatItGot()
    {
        var engine = ReadyEngine();
        engine.ExecResult = new ExecResult(0, "something else\n", "");
        var run = new CliRun { Engines = new FixedEngineConnector(engine) };

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "expected exit code 3 and output \"cox-doctor\", got exit code 0, output \"something else\"",
            run.Out.ToString(),
            StringComparison.Ordinal);
        Assert.Empty(engine.Containers);
    }

    [Fact]
    public async Task Doctor_PingFails_SkipsEverythingElseAndCreatesNothing()
    {
        var engine = ReadyEngine();
        engine.OnPing = _ => throw new EngineUnavailableException([], "gone");
        var run = new CliRun { Engines = new FixedEngineConnector(engine) };

        var exitCode = await run.RunAsync("doctor", "--json");

        Assert.Equal(1, exitCode);
        using var json = JsonDocument.Parse(run.Out.ToString());
        var statuses = json.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString())).ToArray();
        Assert.Equal(
            [("ping", "failed"), ("image", "skipped"), ("create", "skipped"), ("start", "skipped"), ("exec", "skipped"), ("remove", "skipped")],
            statuses);
        Assert.Empty(engine.RemovedContainers);
    }

    [Fact]
    public async Task Doctor_Json_PrintsTheSameFactsAsOneDocument()
    {
        var engine = ReadyEngine();
        var skipped = new EndpointAttempt(new EngineEndpoint("unix:///var/run/docker.sock", "default Docker socket"), "socket /var/run/docker.sock does not exist");
        var run = new CliRun { Engines = new FixedEngineConnector(engine, failedAttempts: [skipped]) };

        var exitCode = await run.RunAsync("doctor", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(run.Out.ToString());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        var found = root.GetProperty("engine");
        Assert.Equal("unix:///fake/engine.sock", found.GetProperty("endpoint").GetString());
        Assert.Equal("fake", found.GetProperty("source").GetString());
        Assert.Equal("Docker", found.GetProperty("kind").GetString());
        Assert.Equal("99.1.0", found.GetProperty("version").GetString());
        Assert.Equal("1.41", found.GetProperty("apiVersion").GetString());
        Assert.Equal("socket /var/run/docker.sock does not exist", root.GetProperty("skippedEndpoints")[0].GetProperty("error").GetString());
        Assert.Equal(
            ["ping", "image", "create", "start", "exec", "remove"],
            root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("checks").EnumerateArray(), c => Assert.Equal("ok", c.GetProperty("status").GetString()));
        Assert.Equal("exit code 3, output \"cox-doctor\"", root.GetProperty("checks")[4].GetProperty("detail").GetString());
        Assert.False(root.TryGetProperty("podmanService", out _));
    }

    [Fact]
    public async Task Doctor_PodmanServiceStarted_SaysSoAndStopsItAtTheEnd()
    {
        var engine = ReadyEngine();
        var service = new FakePodmanService("/run/user/0/cox/podman-1.sock");
        var run = new CliRun { Engines = new FixedEngineConnector(engine, service) };

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(0, exitCode);
        Assert.True(service.Disposed);
        var output = run.Out.ToString();
        Assert.StartsWith("no engine answered; starting podman (fake)\n", output, StringComparison.Ordinal);
        Assert.Contains("Stopped the podman service cox started at unix:///run/user/0/cox/podman-1.sock.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_HostOption_IsHandedToDiscovery()
    {
        var connector = new FixedEngineConnector(ReadyEngine());
        var run = new CliRun { Engines = connector };

        await run.RunAsync("doctor", "--host", "unix:///given.sock");
        await run.RunAsync("-H", "tcp://127.0.0.1:2375", "doctor");

        Assert.Equal(["unix:///given.sock", "tcp://127.0.0.1:2375"], connector.Hosts);
    }

    [Fact]
    public async Task Doctor_NotATerminal_PrintsPlainText()
    {
        var run = new CliRun { Engines = new FixedEngineConnector(ReadyEngine()), Terminal = false };

        await run.RunAsync("doctor");

        Assert.DoesNotContain('\u001b', run.Out.ToString());
    }

    [Fact]
    public async Task Doctor_TerminalWithNoColor_PrintsNoColour()
    {
        var run = new CliRun { Engines = new FixedEngineConnector(ReadyEngine()), Terminal = true };
        run.Variables["NO_COLOR"] = "1";

        await run.RunAsync("doctor");

        Assert.DoesNotContain('\u001b', run.Out.ToString());
    }

    [Fact]
    public async Task Doctor_TerminalWithoutNoColor_UsesColour()
    {
        var run = new CliRun { Engines = new FixedEngineConnector(ReadyEngine()), Terminal = true };
        run.Variables["TERM"] = "xterm-256color";

        await run.RunAsync("doctor");

        Assert.Contains('\u001b', run.Out.ToString());
    }

    private static FakeEngineClient ReadyEngine()
    {
        var engine = new FakeEngineClient();
        engine.Images.Add(Engine.LocalImages.BusyboxReference);
        return engine;
    }

    private static string Normalize(string output) => RandomName().Replace(output.Replace("\r\n", "\n", StringComparison.Ordinal), "cox-doctor-XXXXXXXX");

    [GeneratedRegex("cox-doctor-[0-9a-f]{8}")]
    private static partial Regex RandomName();
}

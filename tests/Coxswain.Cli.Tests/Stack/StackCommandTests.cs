using System.Text.Json;
using Coxswain.Cli.Tests.Cli;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Stack;

/// <summary><c>cox up/ps/down/config</c> in-process against the in-memory engine.</summary>
public sealed class StackCommandTests : IAsyncDisposable
{
    private const string Compose = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            ports: ["8080:80"]
            depends_on: [db]
        """;

    private readonly InMemoryEngine _engine = new(new ManualTimeProvider());
    private readonly string _file;

    public StackCommandTests()
    {
        _engine.AddLocalImage("busybox:test");
        var directory = Path.Combine(Path.GetTempPath(), "cox-cli-stack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(_file, Compose);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    [Fact]
    public async Task Up_Detached_StartsTheStackAndPrintsOneLinePerOperation()
    {
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "up", "-d");

        Assert.True(exitCode == 0, run.Out.ToString() + run.Error);
        Assert.Equal(
            """
            ✓ create network demo_default
            ✓ create container demo-db-1
            ✓ start container demo-db-1
            ✓ wait for db running
            ✓ create container demo-web-1
            ✓ start container demo-web-1
            up demo: 2 containers of 2 services up in 0 ms

            """,
            run.Out.ToString());
        Assert.True((await _engine.InspectContainerAsync("demo-web-1", Ct)).State.Running);
    }

    [Fact]
    public async Task Up_OptionsAfterTheSubcommand_WorkToo_AndSecondUpDoesNothing()
    {
        await Run().RunAsync("up", "-d", "-f", _file, "-p", "demo");
        var second = Run();

        var exitCode = await second.RunAsync("up", "-d", "-f", _file, "-p", "demo");

        Assert.Equal(0, exitCode);
        Assert.Equal("up demo: nothing to do: 2 services up to date\n", second.Out.ToString());
    }

    [Fact]
    public async Task Up_DryRun_PrintsThePlanAndChangesNothing()
    {
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "up", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("up demo: 6 operations\n  1. create network demo_default: missing\n", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Empty(await _engine.ListContainersAsync(new ContainerListOptions(), Ct));
    }

    [Fact]
    public async Task Up_BadScale_IsAUsageError()
    {
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "up", "-d", "--scale", "web");

        Assert.Equal(2, exitCode);
        Assert.Contains("--scale \"web\" is not SERVICE=N", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_Json_ListsServiceContainerStateAndPorts()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "ps", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(run.Out.ToString());
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["db", "web"], rows.Select(r => r.GetProperty("service").GetString()));
        Assert.Equal(["demo-db-1", "demo-web-1"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows, r => Assert.Equal("running", r.GetProperty("state").GetString()));
        Assert.Equal(8080, rows[1].GetProperty("ports")[0].GetProperty("hostPort").GetInt32());
    }

    [Fact]
    public async Task Ps_Table_ShowsStates()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        _engine.Faults.Crash("demo-db-1", 3);
        var run = Run();

        await run.RunAsync("-f", _file, "-p", "demo", "ps");

        Assert.Equal(
            """
            SERVICE  CONTAINER   STATE             PORTS                 UPTIME
            db       demo-db-1   crashed (exit 3)
            web      demo-web-1  running           0.0.0.0:8080->80/tcp  0s

            """,
            run.Out.ToString());
    }

    [Fact]
    public async Task Ps_AfterCoxStop_ShowsStoppedNotKilled()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        await Run().RunAsync("-f", _file, "-p", "demo", "stop", "-t", "0", "db");
        var run = Run();

        await run.RunAsync("-f", _file, "-p", "demo", "ps", "--json");

        using var json = JsonDocument.Parse(run.Out.ToString());
        var db = json.RootElement.EnumerateArray().Single(r => r.GetProperty("service").GetString() == "db");
        Assert.Equal(137, db.GetProperty("exitCode").GetInt32());
        Assert.Equal("stopped", db.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Ps_AfterCoxStopThenACrashOfTheNextRun_ShowsTheCrash()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        await Run().RunAsync("-f", _file, "-p", "demo", "stop", "-t", "0", "db");
        ((ManualTimeProvider)_engine.TimeProvider).Advance(TimeSpan.FromSeconds(1));
        await Run().RunAsync("-f", _file, "-p", "demo", "start", "db");
        _engine.Faults.Crash("demo-db-1", 3);
        var run = Run();

        await run.RunAsync("-f", _file, "-p", "demo", "ps", "--json");

        Assert.Contains("\"state\": \"crashed (exit 3)\"", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_ServicesWithProbes_ShowTheHealthOfOneProbeRunNow()
    {
        File.WriteAllText(_file, """
            services:
              db:
                image: busybox:test
                command: ["sh", "-c", "sleep 1000"]
                healthcheck: { test: ["CMD", "check-db"] }
              web:
                image: busybox:test
                command: ["sh", "-c", "sleep 1000"]
                healthcheck: { test: ["CMD", "check-web"] }
            """);
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        _engine.Exec.Script("demo-db-1", c => c.Contains("check-db"), ScriptedExecResult.Success("ok"));
        _engine.Exec.Script("demo-web-1", c => c.Contains("check-web"), ScriptedExecResult.Failure(1, "connection refused"));
        var run = Run();

        await run.RunAsync("-f", _file, "-p", "demo", "ps", "--json");

        using var json = JsonDocument.Parse(run.Out.ToString());
        var states = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("service").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("healthy", states["db"]);
        Assert.Equal("unhealthy", states["web"]);
    }

    [Fact]
    public async Task Up_WhileAnotherCoxChangesTheProject_WaitsForItThenRuns()
    {
        var locks = Path.Combine(Path.GetDirectoryName(_file)!, "data", "locks");
        Directory.CreateDirectory(locks);
        var held = new FileStream(Path.Combine(locks, "demo.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var run = Run();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromSeconds(20));

        var up = run.RunAsync("-f", _file, "-p", "demo", "up", "-d");
        while (!run.Error.ToString().Contains("is changing project demo; waiting", StringComparison.Ordinal))
        {
            Assert.False(up.IsCompleted, $"up did not wait for the lock:\n{run.Error}");
            await Task.Delay(10, bound.Token);
        }

        var createdWhileHeld = await _engine.ListContainersAsync(new ContainerListOptions(), Ct);
        await held.DisposeAsync();
        while (!up.IsCompleted)
        {
            ((ManualTimeProvider)_engine.TimeProvider).Advance(TimeSpan.FromMilliseconds(200));
            await Task.WhenAny(up, Task.Delay(10, bound.Token));
        }

        Assert.Equal(0, await up);
        Assert.Empty(createdWhileHeld);
        Assert.Equal(2, (await _engine.ListContainersAsync(new ContainerListOptions(), Ct)).Count);
    }

    [Fact]
    public async Task Down_WithoutTheComposeFile_RemovesTheProjectByItsLabels()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var elsewhere = Path.Combine(Path.GetDirectoryName(_file)!, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var run = Run();

        var exitCode = await run.RunAsync("--project-directory", elsewhere, "-p", "demo", "down", "-t", "0");

        Assert.Equal(0, exitCode);
        Assert.Contains("no Compose file here: taking down project demo by its labels", run.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await _engine.ListContainersAsync(new ContainerListOptions(), Ct));
        Assert.Empty(await _engine.ListNetworksAsync(["io.coxswain.project=demo"], Ct));
    }

    [Fact]
    public async Task Down_AfterUp_RemovesEverythingLabelled()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "down", "-t", "0");

        Assert.True(exitCode == 0, run.Out.ToString() + run.Error);
        Assert.Contains("✓ remove network demo_default", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Empty(await _engine.ListContainersAsync(new ContainerListOptions(), Ct));
        Assert.Empty(await _engine.ListNetworksAsync(["io.coxswain.project=demo"], Ct));
    }

    [Fact]
    public async Task Config_Error_PrintsFileLineColumnAndExits1()
    {
        File.WriteAllText(_file, "services:\n  web:\n    image: busybox:test\n    depends_on: [dbx]\n");
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "config");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"compose\.yaml:4:\d+: services\.web\.depends_on.*dbx", run.Error.ToString());
    }

    [Fact]
    public async Task Config_Valid_PrintsTheNormalizedModel()
    {
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "config");

        Assert.Equal(0, exitCode);
        Assert.Contains("image: busybox:test", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_PrefixesEachLineWithItsContainer()
    {
        File.WriteAllText(_file, "services:\n  db:\n    image: busybox:test\n    command: [\"sh\", \"-c\", \"echo hello; sleep 1000\"]\n");
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "logs");

        Assert.Equal(0, exitCode);
        Assert.Equal("demo-db-1 | hello\n", run.Out.ToString());
    }

    [Fact]
    public async Task Logs_OnAColourTerminal_ColoursEachContainersPrefixApart()
    {
        File.WriteAllText(_file, "services:\n  db:\n    image: busybox:test\n    command: [\"sh\", \"-c\", \"echo hello; sleep 1000\"]\n  web:\n    image: busybox:test\n    command: [\"sh\", \"-c\", \"echo hi; sleep 1000\"]\n");
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = new CliRun { Engines = new FixedEngineConnector(_engine), Time = _engine.TimeProvider, Terminal = true };

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "logs");

        Assert.Equal(0, exitCode);
        var lines = run.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["\u001b[33mdemo-web-1 | \u001b[0mhi", "\u001b[36mdemo-db-1  | \u001b[0mhello"], lines);
    }

    [Fact]
    public async Task Logs_WithNoColorSet_WritesPlainPrefixesEvenOnATerminal()
    {
        File.WriteAllText(_file, "services:\n  db:\n    image: busybox:test\n    command: [\"sh\", \"-c\", \"echo hello; sleep 1000\"]\n");
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = new CliRun { Engines = new FixedEngineConnector(_engine), Time = _engine.TimeProvider, Terminal = true, Variables = { ["NO_COLOR"] = "1" } };

        await run.RunAsync("-f", _file, "-p", "demo", "logs");

        Assert.Equal("demo-db-1 | hello\n", run.Out.ToString());
    }

    [Fact]
    public async Task StopThenStart_StopsAndStartsTheContainers()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var stop = Run();
        var stopping = stop.RunAsync("-f", _file, "-p", "demo", "stop", "-t", "0");

        Assert.Equal(0, await stopping);
        Assert.Equal("✓ stop container demo-web-1\n✓ stop container demo-db-1\n", stop.Out.ToString());
        Assert.False((await _engine.InspectContainerAsync("demo-db-1", Ct)).State.Running);

        var start = Run();
        Assert.Equal(0, await start.RunAsync("-f", _file, "-p", "demo", "start"));
        Assert.True((await _engine.InspectContainerAsync("demo-web-1", Ct)).State.Running);
    }

    [Fact]
    public async Task Up_WaitWhenNothingChanged_StillChecksReadiness()
    {
        await Run().RunAsync("-f", _file, "-p", "demo", "up", "-d");
        var run = Run();

        var exitCode = await run.RunAsync("-f", _file, "-p", "demo", "up", "-d", "--wait");

        Assert.Equal(0, exitCode);
        Assert.StartsWith(
            "up demo: nothing to do: 2 services up to date\n✓ wait for db running\n✓ wait for web running\n",
            run.Out.ToString(),
            StringComparison.Ordinal);
    }

    private CliRun Run() => new()
    {
        Engines = new FixedEngineConnector(_engine),
        Time = _engine.TimeProvider,
        Variables = { ["COX_DATA_DIR"] = Path.Combine(Path.GetDirectoryName(_file)!, "data"), ["COX_DAEMON_SOCKET"] = Path.Combine(Path.GetDirectoryName(_file)!, "no-daemon.sock") },
    };
}

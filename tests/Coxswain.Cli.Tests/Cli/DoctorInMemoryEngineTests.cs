using System.Text.Json;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Cli;

/// <summary><c>cox doctor</c> against the in-memory engine, the same contract the real engines pass.</summary>
public sealed class DoctorInMemoryEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Doctor_InMemoryEngine_EveryCheckPassesAndNoContainerIsLeft()
    {
        await using var engine = new InMemoryEngine(new ManualTimeProvider());
        engine.AddLocalImage(Engine.LocalImages.BusyboxReference);
        var run = new CliRun { Engines = new FixedEngineConnector(engine), Time = engine.TimeProvider };

        var exitCode = await run.RunAsync("doctor", "--json");

        Assert.True(exitCode == 0, run.Out.ToString() + run.Error);
        using var json = JsonDocument.Parse(run.Out.ToString());
        Assert.Equal("InMemory", json.RootElement.GetProperty("engine").GetProperty("kind").GetString());
        Assert.Equal("exit code 3, output \"cox-doctor\"", json.RootElement.GetProperty("checks")[4].GetProperty("detail").GetString());
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
    }

    [Fact]
    public async Task Doctor_InMemoryEngineWithoutTheImage_ImportsItFromTheHostsBusybox()
    {
        if (!File.Exists(Engine.LocalImages.HostBusyboxPath))
        {
            Assert.Skip("no /bin/busybox on this machine (apt-get install busybox-static)");
        }

        await using var engine = new InMemoryEngine(new ManualTimeProvider());
        var run = new CliRun { Engines = new FixedEngineConnector(engine), Time = engine.TimeProvider };

        var exitCode = await run.RunAsync("doctor");

        Assert.True(exitCode == 0, run.Out.ToString() + run.Error);
        Assert.Contains("✓ busybox image cox-busybox:latest: imported from /bin/busybox (0 ms)", run.Out.ToString(), StringComparison.Ordinal);
        var image = await engine.InspectImageAsync(Engine.LocalImages.BusyboxReference, Ct);
        Assert.Contains(Engine.LocalImages.BusyboxReference, image.RepoTags);
    }

    [Fact]
    public async Task Doctor_InMemoryEngineFailsStarts_ReportsTheEnginesMessageAndStillRemovesTheContainer()
    {
        await using var engine = new InMemoryEngine(new ManualTimeProvider());
        engine.AddLocalImage(Engine.LocalImages.BusyboxReference);
        engine.Faults.FailStart(Engine.LocalImages.BusyboxReference, "OCI runtime create failed: injected");
        var run = new CliRun { Engines = new FixedEngineConnector(engine), Time = engine.TimeProvider };

        var exitCode = await run.RunAsync("doctor");

        Assert.Equal(1, exitCode);
        Assert.Contains("✗ start container (0 ms)", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("OCI runtime create failed: injected", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("✓ remove container (0 ms)", run.Out.ToString(), StringComparison.Ordinal);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
    }
}

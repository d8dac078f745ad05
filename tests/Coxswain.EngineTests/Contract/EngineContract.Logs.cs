using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Container logs: streams, tail, timestamps, follow.</summary>
public abstract partial class EngineContract
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetLogs_StdoutAndStderr_DemultiplexedInOrderPerStream()
    {
        var id = await RunShellAsync("streams", "echo out1; echo err1 >&2; echo out2; echo err2 >&2; echo out3");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions(), t), LogTimeout, what: "logs");

        // The order across the two streams is not kept by the engines (two pipes): Docker sent stderr first, Podman stdout.
        Assert.Equal(["out1", "out2", "out3"], lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
        Assert.Equal(["err1", "err2"], lines.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
        Assert.All(lines, l => Assert.Null(l.Timestamp));
    }

    [Fact]
    public async Task GetLogs_StdoutOnly_NoStderrLines()
    {
        var id = await RunShellAsync("stdoutonly", "echo out1; echo err1 >&2; echo out2");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions { Stderr = false }, t), LogTimeout, what: "logs");

        Assert.Equal(["out1", "out2"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(LogStream.Stdout, l.Stream));
    }

    [Fact]
    public async Task GetLogs_Tail_OnlyTheLastLines()
    {
        // One stream only: Podman applies tail before the stream filter and across streams, so mixed output would differ.
        var id = await RunShellAsync("tail", "for i in 1 2 3 4 5; do echo line$i; done");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions { Tail = 2 }, t), LogTimeout, what: "logs");

        Assert.Equal(["line4", "line5"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task GetLogs_Timestamps_EveryLineHasOneAndTheTextIsClean()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var id = await RunShellAsync("stamps", "echo first; echo second");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions { Timestamps = true }, t), LogTimeout, what: "logs");

        Assert.Equal(["first", "second"], lines.Select(l => l.Text));
        foreach (var line in lines)
        {
            // Podman's timestamps have whole seconds only ("2026-11-22T10:21:18Z"); Docker's have nanoseconds.
            Assert.NotNull(line.Timestamp);
            Assert.InRange(line.Timestamp.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(2));
        }
    }

    [Fact]
    public async Task GetLogs_Follow_StreamsLinesAndEndsWhenTheContainerExits()
    {
        var id = await RunShellAsync("follow", "echo a; sleep 1; echo b; sleep 1; echo c");

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions { Follow = true }, t), LogTimeout, what: "followed logs");

        Assert.Equal(["a", "b", "c"], lines.Select(l => l.Text));
        Assert.Equal(ContainerStatus.Exited, (await InspectAsync(id)).State.Status);
    }

    [Fact]
    public async Task GetLogs_FollowAfterExit_ReturnsTheLogAndEnds()
    {
        var id = await RunShellAsync("followexited", "echo done");
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, new LogOptions { Follow = true }, t), LogTimeout, what: "followed logs");

        Assert.Equal(["done"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task GetLogs_Missing_NotFoundContainer()
    {
        var name = Scope.Name("missing");

        await AssertNotFoundAsync("container", () => Bounded.CollectAsync(t => Engine.GetLogsAsync(name, null, t), LogTimeout));
    }
}

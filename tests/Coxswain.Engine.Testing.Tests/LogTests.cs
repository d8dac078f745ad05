namespace Coxswain.Engine.Testing.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task Logs_TailTimestampsAndTimeWindow_SelectLines()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo one; sleep 1; echo two >&2; sleep 1; echo three");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ExitCodeAsync("c");

        var all = await h.LogsAsync("c", new LogOptions { Timestamps = true });
        Assert.Equal([(LogStream.Stdout, "one"), (LogStream.Stderr, "two"), (LogStream.Stdout, "three")], all.Select(l => (l.Stream, l.Text)));
        Assert.Equal([h.Start, h.Start.AddSeconds(1), h.Start.AddSeconds(2)], all.Select(l => l.Timestamp!.Value));
        Assert.All(await h.LogsAsync("c"), l => Assert.Null(l.Timestamp));
        Assert.Equal(["two", "three"], (await h.LogsAsync("c", new LogOptions { Tail = 2 })).Select(l => l.Text));
        Assert.Equal(["two"], (await h.LogsAsync("c", new LogOptions { Since = h.Start.AddSeconds(1), Until = h.Start.AddSeconds(2) })).Select(l => l.Text));
        Assert.Empty(await h.LogsAsync("c", new LogOptions { Tail = 0 }));
    }

    [Fact]
    public async Task Logs_PartialLastLine_IsKeptWhenTheProcessEnds()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo -n no-newline");
        await h.ExitCodeAsync("c");
        Assert.Equal(["no-newline"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task Follow_YieldsLinesAsTheyComeAndEndsWhenTheContainerStops()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo first; sleep 1; echo second; sleep 1; echo third");
        await using var follow = h.Engine.GetLogsAsync("c", new LogOptions { Follow = true }, Harness.Token).GetAsyncEnumerator(Harness.Token);

        Assert.True(await follow.MoveNextAsync().Within());
        Assert.Equal("first", follow.Current.Text);
        var next = follow.MoveNextAsync().AsTask();
        await Bounded.AssertPendingAsync(next);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.Within());
        Assert.Equal("second", follow.Current.Text);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await follow.MoveNextAsync().Within());
        Assert.Equal("third", follow.Current.Text);
        Assert.False(await follow.MoveNextAsync().Within());
    }

    [Fact]
    public async Task Follow_StoppedContainer_ReturnsWhatIsThereAndEnds()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo done");
        await h.ExitCodeAsync("c");
        Assert.Equal(["done"], (await h.LogsAsync("c", new LogOptions { Follow = true })).Select(l => l.Text));
    }

    [Fact]
    public async Task Follow_Cancelled_EndsCancelled()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        using var cts = new CancellationTokenSource();
        await using var follow = h.Engine.GetLogsAsync("c", new LogOptions { Follow = true }, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = follow.MoveNextAsync().AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.Within());
    }

    [Fact]
    public async Task Logs_TtyContainer_EverythingIsStdout()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sh", "-c", "echo err >&2"], Tty = true }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        Assert.Equal([LogStream.Stdout], (await h.LogsAsync("c")).Select(l => l.Stream));
    }

    [Fact]
    public async Task Logs_AcrossRestarts_Accumulate()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "echo run");
        await h.ExitCodeAsync("c");
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");
        Assert.Equal(["run", "run"], await h.StdoutAsync("c"));
    }
}

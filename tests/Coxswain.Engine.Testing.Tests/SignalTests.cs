namespace Coxswain.Engine.Testing.Tests;

/// <summary>Stop, kill and traps with PID 1 semantics, as measured on Docker 20.10 with busybox 1.35.</summary>
public sealed class SignalTests
{
    [Fact]
    public async Task Stop_TrapWithWait_ExitsWithTheTrapsCodeAtOnce()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'exit 3' TERM; sleep 300 & wait");

        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();

        Assert.Equal(3, await h.ExitCodeAsync("c"));
        Assert.Equal(h.Start, (await h.StateAsync("c")).FinishedAt);
        Assert.Equal(["container create", "network connect", "container start", "container kill 15", "container die 3", "network disconnect", "container stop"],
            await h.EventNamesAsync());
    }

    [Fact]
    public async Task Stop_TrapWithForegroundSleep_WaitsTheTimeoutThenKills()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'exit 3' TERM; sleep 300");

        var stop = h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromSeconds(9));
        await Bounded.AssertPendingAsync(stop);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await stop.Within();

        Assert.Equal(137, await h.ExitCodeAsync("c"));
        Assert.Equal(["container kill 15", "container kill 9", "container die 137", "network disconnect", "container stop"],
            (await h.EventNamesAsync()).Skip(3));
    }

    [Fact]
    public async Task Stop_TrapInSleepLoop_ExitsWhenTheCurrentSleepEnds()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'exit 5' TERM; while true; do sleep 1; done");

        var stop = h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        await Bounded.AssertPendingAsync(stop);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await stop.Within();

        Assert.Equal(5, await h.ExitCodeAsync("c"));
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task Stop_NoTrap_Pid1IgnoresTermAndIsKilledAfterTheContainersStopTimeout()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], StopTimeout = TimeSpan.FromSeconds(2) }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        var stop = h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        await stop.Within();

        var state = await h.StateAsync("c");
        Assert.Equal(137, state.ExitCode);
        Assert.False(state.OomKilled);
        Assert.Equal(h.Start.AddSeconds(2), state.FinishedAt);
    }

    [Fact]
    public async Task Stop_ExplicitTimeout_OverridesTheDefault()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var stop = h.Engine.StopContainerAsync("c", TimeSpan.FromSeconds(30), Harness.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await Bounded.AssertPendingAsync(stop);
        h.Time.Advance(TimeSpan.FromSeconds(20));
        await stop.Within();
        Assert.Equal(137, await h.ExitCodeAsync("c"));
    }

    [Fact]
    public async Task Stop_ZeroTimeout_KillsAtOnce()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        await h.Engine.StopContainerAsync("c", TimeSpan.Zero, Harness.Token).Within();
        Assert.Equal(137, await h.ExitCodeAsync("c"));
    }

    [Fact]
    public async Task Stop_WithInit_UntrappedTermEndsTheShellWith143()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sh", "-c", "sleep 300"], Init = true }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();
        Assert.Equal(143, await h.ExitCodeAsync("c"));
    }

    [Fact]
    public async Task Kill_DefaultSignal_Exits137()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'exit 3' TERM; sleep 300 & wait");
        await h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token);

        Assert.Equal(137, await h.ExitCodeAsync("c"));
        Assert.Equal(["container kill 9", "container die 137", "network disconnect"], (await h.EventNamesAsync()).Skip(3));
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task Kill_UntrappedSignal_IsIgnoredByPid1()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        await h.Engine.KillContainerAsync("c", "SIGTERM", Harness.Token);
        await h.Engine.KillContainerAsync("c", "HUP", Harness.Token);
        await Task.Delay(20, Harness.Token);
        Assert.True((await h.StateAsync("c")).Running);
        Assert.Equal(["container kill 15", "container kill 1"], (await h.EventNamesAsync()).Skip(3));
    }

    [Fact]
    public async Task Kill_TrappedSignal_RunsTheTrapAndGoesOn()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'echo reloading' HUP; while true; do sleep 1; done");
        await using var follow = h.Engine.GetLogsAsync("c", new LogOptions { Follow = true }, Harness.Token).GetAsyncEnumerator(Harness.Token);
        var line = follow.MoveNextAsync().AsTask();
        await h.Engine.KillContainerAsync("c", "SIGHUP", Harness.Token);
        await h.Time.WaitForTimersAsync(1, Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await line.Within());
        Assert.Equal("reloading", follow.Current.Text);
        Assert.True((await h.StateAsync("c")).Running);
    }

    [Fact]
    public async Task Kill_InvalidSignal_IsABadRequest()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.KillContainerAsync("c", "SIGNOPE", Harness.Token));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Stop_CustomStopSignal_IsSentAndReported()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "trap 'exit 0' INT; sleep 300 & wait"],
            StopSignal = "SIGINT",
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();
        Assert.Equal(0, await h.ExitCodeAsync("c"));
        Assert.Contains("container kill 2", await h.EventNamesAsync());
    }

    [Fact]
    public async Task Stop_StoppedContainer_IsANoOpWithoutEvents()
    {
        await using var h = new Harness();
        await h.CreateAsync("c", "true");
        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();
        Assert.Equal(["container create"], await h.EventNamesAsync());
    }
}

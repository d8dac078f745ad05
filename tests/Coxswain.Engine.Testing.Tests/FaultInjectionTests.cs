namespace Coxswain.Engine.Testing.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task FailPull_TwoTimes_FailsTwiceThenSucceeds()
    {
        await using var h = new Harness();
        h.Engine.Registry.Add("redis:7");
        var fault = h.Engine.Faults.FailPull("redis:7", times: 2, message: "registry on fire");

        for (var i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.PullImageAsync("redis:7", cancellationToken: Harness.Token));
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.Equal("registry on fire", error.EngineMessage);
        }

        await h.Engine.PullImageAsync("redis:7", cancellationToken: Harness.Token);
        Assert.Equal(2, fault.Hits);
        Assert.False(fault.IsActive);
    }

    [Fact]
    public async Task SlowPull_TakesTheDurationOnTheEnginesClock()
    {
        await using var h = new Harness();
        h.Engine.Registry.Add("big:1", new ImageDefinition { LayerCount = 2 });
        h.Engine.Faults.SlowPull("big:1", TimeSpan.FromMinutes(2));
        var statuses = new List<string>();
        var pull = h.Engine.PullImageAsync("big:1", new SyncProgress(m => statuses.Add(m.Status ?? "")), Harness.Token);

        await h.Time.WaitForTimersAsync(1, Harness.Token).Within();
        await Bounded.AssertPendingAsync(pull);
        Assert.Contains("Downloading", statuses);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await pull.Within();
        Assert.Equal("Status: Downloaded newer image for big:1", statuses[^1]);
    }

    [Fact]
    public async Task FailStart_ForAnImage_StartFailsWithTheMessageAndStateKeepsTheError()
    {
        await using var h = new Harness();
        h.Engine.Faults.FailStart(Harness.Image, "cgroup exploded", times: 1);
        await h.CreateAsync("c", "sleep", "300");

        var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.StartContainerAsync("c", Harness.Token));
        Assert.Equal("cgroup exploded", error.EngineMessage);
        var state = await h.StateAsync("c");
        Assert.Equal(ContainerStatus.Created, state.Status);
        Assert.Equal("cgroup exploded", state.Error);
        Assert.Equal(128, state.ExitCode);
        Assert.Equal(["container create", "network connect", "network disconnect"], await h.EventNamesAsync());

        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal("", (await h.StateAsync("c")).Error);
    }

    [Fact]
    public async Task ExitAfterStart_WithDelay_RunsThenExitsWithTheCode()
    {
        await using var h = new Harness();
        h.Engine.Faults.ExitAfterStart("web", 3, after: TimeSpan.FromSeconds(5));
        await h.RunAsync("web", "httpd", "-f");
        Assert.True((await h.StateAsync("web")).Running);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, await h.ExitCodeAsync("web"));
    }

    [Fact]
    public async Task ExitAfterStart_NoDelay_DiesRightAfterStart()
    {
        await using var h = new Harness();
        h.Engine.Faults.ExitAfterStart("web", 1);
        await h.RunAsync("web", "httpd", "-f");
        Assert.Equal(1, await h.ExitCodeAsync("web"));
        Assert.Equal(["container start", "container die 1"], (await h.EventNamesAsync(new EventFilter { Types = ["container"] })).Skip(1));
    }

    [Fact]
    public async Task OomKill_Running_Exit137WithOomKilled()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        h.Engine.Faults.OomKill("c");
        var state = await h.StateAsync("c");
        Assert.Equal(137, state.ExitCode);
        Assert.True(state.OomKilled);
        Assert.Equal(ContainerStatus.Exited, state.Status);
        Assert.Throws<InvalidOperationException>(() => h.Engine.Faults.OomKill("c"));
    }

    [Fact]
    public async Task Crash_Running_DiesWithTheExitCode()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        h.Engine.Faults.Crash("c", 42);
        Assert.Equal(42, await h.ExitCodeAsync("c"));
        Assert.False((await h.StateAsync("c")).OomKilled);
    }

    [Fact]
    public async Task Disconnect_EveryCallAndOpenStreamFails_UntilReconnect()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        await using var events = h.Engine.GetEventsAsync(cancellationToken: Harness.Token).GetAsyncEnumerator(Harness.Token);
        var nextEvent = events.MoveNextAsync().AsTask();
        await using var logs = h.Engine.GetLogsAsync("c", new LogOptions { Follow = true }, Harness.Token).GetAsyncEnumerator(Harness.Token);
        var nextLog = logs.MoveNextAsync().AsTask();
        await Bounded.AssertPendingAsync(nextLog);

        h.Engine.Faults.Disconnect();

        Assert.True(h.Engine.Faults.IsDisconnected);
        await Assert.ThrowsAsync<EngineUnavailableException>(() => nextEvent.Within());
        await Assert.ThrowsAsync<EngineUnavailableException>(() => nextLog.Within());
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => h.Engine.PingAsync(Harness.Token));
        Assert.Contains("Faults.Reconnect()", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EngineUnavailableException>(() => h.Engine.ListContainersAsync(cancellationToken: Harness.Token));
        await Assert.ThrowsAsync<EngineUnavailableException>(() => h.CreateAsync("d", "true"));

        h.Engine.Faults.Reconnect();
        await h.Engine.PingAsync(Harness.Token);
    }

    [Fact]
    public async Task Disconnect_ContainerDiesMeanwhile_NoEventsButStateChanged()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "sleep 5; exit 9");
        h.Engine.Faults.Disconnect();
        h.Time.Advance(TimeSpan.FromSeconds(5));
        h.Engine.Faults.Reconnect();

        Assert.Equal(9, (await h.StateAsync("c")).ExitCode);
        Assert.DoesNotContain("container die 9", await h.EventNamesAsync());
    }

    [Fact]
    public async Task FailCall_ByMethodName_ThrowsTheGivenErrorForTheGivenTimes()
    {
        await using var h = new Harness();
        h.Engine.Faults.FailCall("CreateContainer", () => new EngineException("disk full"), times: 1);
        var error = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync("c", "true"));
        Assert.Equal("disk full", error.Message);
        await h.CreateAsync("c", "true");

        var always = h.Engine.Faults.FailCall(nameof(IEngineClient.ListNetworksAsync));
        await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.ListNetworksAsync(cancellationToken: Harness.Token));
        await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.ListNetworksAsync(cancellationToken: Harness.Token));
        h.Engine.Faults.Clear();
        Assert.False(always.IsActive);
        await h.Engine.ListNetworksAsync(cancellationToken: Harness.Token);
    }

    private sealed class SyncProgress(Action<ProgressMessage> report) : IProgress<ProgressMessage>
    {
        public void Report(ProgressMessage value) => report(value);
    }
}

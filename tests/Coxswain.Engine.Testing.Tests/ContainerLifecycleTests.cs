using System.Net;

namespace Coxswain.Engine.Testing.Tests;

public sealed class ContainerLifecycleTests
{
    [Fact]
    public async Task Create_NameTaken_ConflictNamesTheHolder()
    {
        await using var h = new Harness();
        var id = await h.CreateAsync("web", "true");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.CreateAsync("web", "true"));
        Assert.Contains($"The container name \"/web\" is already in use by container \"{id}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingImage_NotFoundOfKindImage()
    {
        await using var h = new Harness();
        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() =>
            h.Engine.CreateContainerAsync(new ContainerSpec { Image = "nope", Command = ["true"] }, Harness.Token));
        Assert.Equal("image", error.ResourceKind);
        Assert.Equal("No such image: nope:latest", error.EngineMessage);
    }

    [Fact]
    public async Task Create_NoCommandAnywhere_IsABadRequest()
    {
        await using var h = new Harness();
        h.Engine.AddLocalImage("empty:1", new ImageDefinition());
        var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.CreateContainerAsync(new ContainerSpec { Image = "empty:1" }, Harness.Token));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("No command specified", error.EngineMessage);
    }

    [Fact]
    public async Task Create_Defaults_IdNameAndImageCommand()
    {
        await using var h = new Harness();
        h.Engine.AddLocalImage("app:1", new ImageDefinition { Entrypoint = ["/entry"], Command = ["serve"] });
        var created = await h.Engine.CreateContainerAsync(new ContainerSpec { Image = "app:1" }, Harness.Token);
        var overridden = await h.Engine.CreateContainerAsync(new ContainerSpec { Image = "app:1", Entrypoint = ["sh", "-c"] }, Harness.Token);

        Assert.Matches("^[0-9a-f]{64}$", created.Id);
        var info = await h.Engine.InspectContainerAsync(created.Id, Harness.Token);
        Assert.Matches("^[a-z]+_[a-z]+[0-9]?$", info.Name);
        Assert.Equal(["/entry", "serve"], info.Command);
        Assert.Equal(ContainerStatus.Created, info.State.Status);
        Assert.Null(info.State.StartedAt);
        Assert.Equal(["sh", "-c"], (await h.Engine.InspectContainerAsync(overridden.Id, Harness.Token)).Command);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("kill")]
    [InlineData("remove")]
    [InlineData("rename")]
    [InlineData("wait")]
    [InlineData("stats")]
    [InlineData("exec")]
    public async Task AnyOperation_MissingContainer_NotFoundOfKindContainer(string operation)
    {
        await using var h = new Harness();
        var e = h.Engine;
        var ct = Harness.Token;
        Func<Task> call = operation switch
        {
            "inspect" => () => e.InspectContainerAsync("ghost", ct),
            "start" => () => e.StartContainerAsync("ghost", ct),
            "stop" => () => e.StopContainerAsync("ghost", null, ct),
            "kill" => () => e.KillContainerAsync("ghost", null, ct),
            "remove" => () => e.RemoveContainerAsync("ghost", true, false, ct),
            "rename" => () => e.RenameContainerAsync("ghost", "other", ct),
            "wait" => () => e.WaitContainerAsync("ghost", ct),
            "stats" => () => e.GetStatsAsync("ghost", ct),
            _ => () => e.CreateExecAsync("ghost", new ExecSpec(["true"]), ct),
        };
        var error = await Assert.ThrowsAsync<EngineNotFoundException>(call);
        Assert.Equal("container", error.ResourceKind);
        Assert.Equal("ghost", error.Resource);
        Assert.Equal("No such container: ghost", error.EngineMessage);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Lookup_ByIdNameOrUniquePrefix_FindsTheContainer()
    {
        await using var h = new Harness();
        var id = await h.CreateAsync("web", "true");
        Assert.Equal(id, (await h.Engine.InspectContainerAsync(id, Harness.Token)).Id);
        Assert.Equal(id, (await h.Engine.InspectContainerAsync("web", Harness.Token)).Id);
        Assert.Equal(id, (await h.Engine.InspectContainerAsync("/web", Harness.Token)).Id);
        Assert.Equal(id, (await h.Engine.InspectContainerAsync(id[..12], Harness.Token)).Id);
    }

    [Fact]
    public async Task Start_RunningContainer_IsANoOp()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        h.Time.Advance(TimeSpan.FromSeconds(3));
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal(h.Start, (await h.StateAsync("c")).StartedAt);
        Assert.Single(await h.EventsAsync(new EventFilter { Actions = ["start"] }));
    }

    [Fact]
    public async Task Kill_NotRunning_ConflictAsDockerWordsIt()
    {
        await using var h = new Harness();
        var id = await h.CreateAsync("c", "true");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token));
        Assert.Equal($"Cannot kill container: c: Container {id} is not running", error.EngineMessage);
    }

    [Fact]
    public async Task Remove_Running_ConflictUnlessForced()
    {
        await using var h = new Harness();
        var id = await h.RunAsync("c", "sleep", "300");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveContainerAsync("c", cancellationToken: Harness.Token));
        Assert.Equal($"You cannot remove a running container {id}. Stop the container before attempting removal or force remove", error.EngineMessage);

        await h.Engine.RemoveContainerAsync("c", force: true, cancellationToken: Harness.Token);

        await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectContainerAsync(id, Harness.Token));
        Assert.Equal(["container kill 9", "container die 137", "network disconnect", "container destroy"], (await h.EventNamesAsync()).Skip(3));
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task Inspect_AfterRunAndExit_ShowsTimesExitCodeAndNetworks()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "sleep 2; exit 4"],
            Labels = new Dictionary<string, string> { ["app"] = "x" },
            Resources = new ResourceLimits { MemoryBytes = 64 * 1024 * 1024 },
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        var running = await h.Engine.InspectContainerAsync("c", Harness.Token);
        Assert.Equal(ContainerStatus.Running, running.State.Status);
        Assert.True(running.State.Pid > 0);
        Assert.Equal(h.Start, running.State.StartedAt);
        Assert.Null(running.State.FinishedAt);
        Assert.StartsWith("172.17.", running.Networks["bridge"].IPAddress, StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(4, await h.ExitCodeAsync("c"));
        var exited = await h.Engine.InspectContainerAsync("c", Harness.Token);
        Assert.Equal(ContainerStatus.Exited, exited.State.Status);
        Assert.False(exited.State.Running);
        Assert.Equal(0, exited.State.Pid);
        Assert.Equal(h.Start.AddSeconds(2), exited.State.FinishedAt);
        Assert.Equal("", exited.Networks["bridge"].IPAddress);
        Assert.Equal("x", exited.Labels["app"]);
        Assert.Equal(64 * 1024 * 1024, exited.MemoryLimitBytes);
        Assert.Equal(0, exited.RestartCount);
    }

    [Fact]
    public async Task Rename_ToFreeName_RenamesAndToTakenName_Conflicts()
    {
        await using var h = new Harness();
        var id = await h.CreateAsync("old", "true");
        await h.CreateAsync("taken", "true");
        await h.Engine.RenameContainerAsync("old", "new", Harness.Token);
        Assert.Equal("new", (await h.Engine.InspectContainerAsync(id, Harness.Token)).Name);
        await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RenameContainerAsync("new", "taken", Harness.Token));
        var rename = Assert.Single(await h.EventsAsync(new EventFilter { Actions = ["rename"] }));
        Assert.Equal("new", rename.Attributes["name"]);
        Assert.Equal("/old", rename.Attributes["oldName"]);
    }

    [Fact]
    public async Task List_FiltersAndOrdersNewestFirstWithDockersStatusText()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "app-db", Image = Harness.Image, Command = ["true"], Labels = new Dictionary<string, string> { ["tier"] = "db" } }, Harness.Token);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "app-web", Image = Harness.Image, Command = ["sleep", "999"], Labels = new Dictionary<string, string> { ["tier"] = "web" } }, Harness.Token);
        await h.Engine.StartContainerAsync("app-web", Harness.Token);
        await h.RunAsync("other", "exit", "1");
        h.Time.Advance(TimeSpan.FromMinutes(3));

        var all = await h.Engine.ListContainersAsync(cancellationToken: Harness.Token);
        Assert.Equal(["other", "app-web", "app-db"], all.Select(c => c.Name));
        Assert.Equal(["Exited (1) 3 minutes ago", "Up 3 minutes", "Created"], all.Select(c => c.StatusText));
        Assert.Equal(["app-web"], (await h.Engine.ListContainersAsync(new ContainerListOptions { RunningOnly = true }, Harness.Token)).Select(c => c.Name));
        Assert.Equal(["app-db"], (await h.Engine.ListContainersAsync(new ContainerListOptions { Labels = ["tier=db"] }, Harness.Token)).Select(c => c.Name));
        Assert.Equal(2, (await h.Engine.ListContainersAsync(new ContainerListOptions { Labels = ["tier"] }, Harness.Token)).Count);
        Assert.Equal(2, (await h.Engine.ListContainersAsync(new ContainerListOptions { Name = "app-" }, Harness.Token)).Count);
    }

    [Fact]
    public async Task Wait_CreatedContainer_ReturnsZeroAtOnce()
    {
        await using var h = new Harness();
        await h.CreateAsync("c", "sleep", "1");
        Assert.Equal(0, await h.ExitCodeAsync("c"));
    }

    [Fact]
    public async Task Wait_RunningContainer_CompletesWhenItExits()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "sleep 10; exit 6");
        var wait = h.Engine.WaitContainerAsync("c", Harness.Token);
        await Bounded.AssertPendingAsync(wait);
        h.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(6, await wait.Within());
    }

    [Fact]
    public async Task Wait_Cancelled_EndsCancelled()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        using var cts = new CancellationTokenSource();
        var wait = h.Engine.WaitContainerAsync("c", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.Within());
    }

    [Fact]
    public async Task Restart_Running_StopsAndStartsWithRestartEventLast()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "trap 'exit 0' TERM; sleep 300 & wait");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.Engine.RestartContainerAsync("c", cancellationToken: Harness.Token).Within();

        var state = await h.StateAsync("c");
        Assert.True(state.Running);
        Assert.Equal(h.Start.AddSeconds(5), state.StartedAt);
        Assert.Equal(0, (await h.Engine.InspectContainerAsync("c", Harness.Token)).RestartCount);
        Assert.Equal(["container kill 15", "container die 0", "network disconnect", "container stop", "network connect", "container start", "container restart"],
            (await h.EventNamesAsync()).Skip(3));
    }

    [Fact]
    public async Task Stats_RunningAndStopped_PlausibleNumbersAndTheSpecsLimit()
    {
        await using var h = new Harness(new InMemoryEngineOptions { MemoryBytes = 1L << 33 });
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], Resources = new ResourceLimits { MemoryBytes = 128 << 20 } }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        var running = await h.Engine.GetStatsAsync("c", Harness.Token);
        Assert.Equal(128 << 20, running.MemoryLimitBytes);
        Assert.InRange(running.MemoryUsageBytes, 1, 128 << 20);
        Assert.True(running.Pids >= 1);
        Assert.Equal(h.Start, running.Read);

        await h.RunAsync("unlimited", "true");
        await h.ExitCodeAsync("unlimited");
        var stopped = await h.Engine.GetStatsAsync("unlimited", Harness.Token);
        Assert.Equal(1L << 33, stopped.MemoryLimitBytes);
        Assert.Equal(0, stopped.MemoryUsageBytes);
    }

    [Fact]
    public async Task StreamStats_YieldsASampleASecondUntilTheContainerStops()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "sleep 2");
        var samples = new List<ContainerStats>();
        var reading = Task.Run(async () =>
        {
            await foreach (var sample in h.Engine.StreamStatsAsync("c", Harness.Token))
            {
                samples.Add(sample);
            }
        }, Harness.Token);

        for (var i = 0; i < 2; i++)
        {
            await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await reading.Within();
        Assert.Equal([h.Start, h.Start.AddSeconds(1), h.Start.AddSeconds(2)], samples.Select(s => s.Read));
        Assert.Equal(0, samples[^1].Pids);
    }

    [Fact]
    public async Task Version_ReportsTheInMemoryKindAndApi141()
    {
        await using var h = new Harness();
        var version = await h.Engine.GetVersionAsync(Harness.Token);
        Assert.Equal(EngineKind.InMemory, version.Kind);
        Assert.Equal("1.41", version.ApiVersion);
        await h.Engine.PingAsync(Harness.Token);
        var info = await h.Engine.GetInfoAsync(Harness.Token);
        Assert.Equal(1, info.Images);
        Assert.Equal("unix", h.Engine.Endpoint.Uri.Scheme);
    }

    [Fact]
    public async Task Calls_AfterDispose_ThrowObjectDisposed()
    {
        var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        await h.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.Engine.PingAsync(Harness.Token));
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task Stop_CallerCancels_TheEngineStillKillsAfterTheTimeout()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        using var cts = new CancellationTokenSource();
        var stop = h.Engine.StopContainerAsync("c", cancellationToken: cts.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stop.Within());
        Assert.True((await h.StateAsync("c")).Running);

        h.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(137, await h.ExitCodeAsync("c"));
        Assert.Equal(["container kill 15", "container kill 9", "container die 137", "network disconnect", "container stop"], (await h.EventNamesAsync()).Skip(3));
    }

    [Fact]
    public async Task ManyThreads_CreateStartKillRemove_StateStaysConsistent()
    {
        await using var h = new Harness();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var name = $"w{w}-{i}";
                await h.RunAsync(name, "sleep", "300");
                await h.Engine.ExecAsync(name, new ExecSpec(["true"]), cancellationToken: Harness.Token);
                await h.Engine.KillContainerAsync(name, cancellationToken: Harness.Token);
                await h.Engine.RemoveContainerAsync(name, cancellationToken: Harness.Token);
            }
        }, Harness.Token)).ToList();

        await Task.WhenAll(workers).Within();

        Assert.Empty(await h.Engine.ListContainersAsync(cancellationToken: Harness.Token));
        Assert.Equal(0, h.Time.PendingTimerCount);
    }
}

namespace Coxswain.Engine.Testing.Tests;

/// <summary>Events in Docker 20.10's order and shape (measured against dockerd 20.10.24).</summary>
public sealed class EventTests
{
    [Fact]
    public async Task Lifecycle_WithNetworkAndVolume_EventsInDockersOrder()
    {
        await using var h = new Harness();
        await h.Engine.CreateNetworkAsync(new NetworkSpec("net"), Harness.Token);
        await h.Engine.CreateVolumeAsync(new VolumeSpec("data"), Harness.Token);
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"],
            Networks = [new NetworkAttachment("net", ["web"])],
            Mounts = [new MountSpec(MountType.Volume, "data", "/data")],
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();
        await h.Engine.RemoveContainerAsync("c", cancellationToken: Harness.Token);
        await h.Engine.RemoveVolumeAsync("data", cancellationToken: Harness.Token);
        await h.Engine.RemoveNetworkAsync("net", Harness.Token);

        Assert.Equal(
            [
                "network create", "volume create", "volume create", "container create",
                "network connect", "volume mount", "container start",
                "container kill 15", "container die 0", "network disconnect", "volume unmount", "container stop",
                "container destroy", "volume destroy", "network destroy",
            ],
            await h.EventNamesAsync());
    }

    [Fact]
    public async Task ContainerEvents_CarryNameImageLabelsAndExitCode()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Command = ["sh", "-c", "exit 2"],
            Labels = new Dictionary<string, string> { ["io.coxswain.project"] = "p" },
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.ExitCodeAsync("c");

        var die = Assert.Single(await h.EventsAsync(new EventFilter { Actions = ["die"] }));
        Assert.Equal("container", die.Type);
        Assert.Equal("c", die.ActorName);
        Assert.Equal(Harness.Image, die.Attributes["image"]);
        Assert.Equal("p", die.Attributes["io.coxswain.project"]);
        Assert.Equal("2", die.Attributes["exitCode"]);
        Assert.Equal(h.Start, die.Time);
        var connect = Assert.Single(await h.EventsAsync(new EventFilter { Types = ["network"], Actions = ["connect"] }));
        Assert.Equal("bridge", connect.Attributes["name"]);
        Assert.Equal("bridge", connect.Attributes["type"]);
        Assert.Equal(die.ActorId, connect.Attributes["container"]);
    }

    [Fact]
    public async Task Filters_ByTypeActionLabelAndContainer_SelectEvents()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "a", Image = Harness.Image, Command = ["true"], Labels = new Dictionary<string, string> { ["team"] = "x" } }, Harness.Token);
        var b = await h.CreateAsync("b", "true");
        await h.Engine.StartContainerAsync("a", Harness.Token);
        await h.Engine.StartContainerAsync("b", Harness.Token);
        await h.ExitCodeAsync("a");
        await h.ExitCodeAsync("b");

        Assert.Equal(4, (await h.EventsAsync(new EventFilter { Types = ["network"] })).Count);
        Assert.Equal(["a", "b"], (await h.EventsAsync(new EventFilter { Actions = ["start"] })).Select(e => e.ActorName));
        Assert.Equal(["create", "start", "die"], (await h.EventsAsync(new EventFilter { Labels = ["team=x"] })).Select(e => e.Action));
        Assert.Equal(["create", "start", "die"], (await h.EventsAsync(new EventFilter { Containers = [b[..12]] })).Select(e => e.Action));
        Assert.Equal(["create", "start", "die"], (await h.EventsAsync(new EventFilter { Containers = ["a"] })).Select(e => e.Action));
    }

    [Fact]
    public async Task Stream_Live_YieldsNewEventsAsTheyHappen()
    {
        await using var h = new Harness();
        await h.CreateAsync("before", "true");
        await using var events = h.Engine.GetEventsAsync(new EventFilter { Types = ["container"] }, Harness.Token).GetAsyncEnumerator(Harness.Token);
        var next = events.MoveNextAsync().AsTask();
        await Bounded.AssertPendingAsync(next);

        await h.CreateAsync("after", "true");

        Assert.True(await next.Within());
        Assert.Equal("after", events.Current.ActorName);
    }

    [Fact]
    public async Task Stream_Since_ReplaysHistoryThenGoesLive_UntilEndsIt()
    {
        await using var h = new Harness();
        await h.CreateAsync("one", "true");
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await h.CreateAsync("two", "true");

        var since = await h.EventsAsync(new EventFilter { Types = ["container"] });
        Assert.Equal(["one", "two"], since.Select(e => e.ActorName));

        var untilFuture = h.Engine.GetEventsAsync(new EventFilter { Since = h.Start.AddSeconds(5), Until = h.Time.GetUtcNow().AddSeconds(30) }, Harness.Token);
        var seen = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in untilFuture)
            {
                seen.Add(e.ActorName);
            }
        }, Harness.Token);
        await h.Time.WaitForTimersAsync(1, Harness.Token).Within();
        await h.CreateAsync("three", "true");
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await reading.Within();
        Assert.Equal(["two", "three"], seen);
    }

    [Fact]
    public async Task History_KeepsOnlyTheLimit_LikeDockersRingBuffer()
    {
        await using var h = new Harness(new InMemoryEngineOptions { EventHistoryLimit = 3 });
        for (var i = 0; i < 5; i++)
        {
            await h.CreateAsync($"c{i}", "true");
        }

        Assert.Equal(["c2", "c3", "c4"], (await h.EventsAsync()).Select(e => e.ActorName));
    }

    [Fact]
    public async Task Oom_EventsOomThenDie()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        h.Engine.Faults.OomKill("c");
        Assert.Equal(["container oom", "container die 137", "network disconnect"], (await h.EventNamesAsync()).Skip(3));
    }

    [Fact]
    public async Task Exec_EventsCreateStartDieWithCommandAndExitCode()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var result = await h.Engine.ExecAsync("c", new ExecSpec(["sh", "-c", "echo hi; exit 3"]), cancellationToken: Harness.Token).Within();
        Assert.Equal(3, result.ExitCode);

        var events = (await h.EventsAsync()).Skip(3).ToList();
        Assert.Equal(["exec_create: sh -c echo hi; exit 3", "exec_start: sh -c echo hi; exit 3", "exec_die"], events.Select(e => e.Action));
        Assert.Equal("3", events[2].Attributes["exitCode"]);
        Assert.All(events, e => Assert.Equal(events[0].Attributes["execID"], e.Attributes["execID"]));
        Assert.Single(await h.EventsAsync(new EventFilter { Actions = ["exec_create"] }));
    }

    [Fact]
    public async Task ImageEvents_PullImportTagUntagDelete()
    {
        await using var h = new Harness();
        h.Engine.Registry.Add("redis:7");
        await h.Engine.PullImageAsync("redis:7", cancellationToken: Harness.Token);
        var imported = await h.Engine.ImportImageAsync(new MemoryStream([1, 2, 3]), "rootfs:1", cancellationToken: Harness.Token);
        await h.Engine.TagImageAsync("rootfs:1", "rootfs:2", Harness.Token);
        await h.Engine.RemoveImageAsync("rootfs:2", cancellationToken: Harness.Token);
        await h.Engine.RemoveImageAsync("rootfs:1", cancellationToken: Harness.Token);

        var events = await h.EventsAsync(new EventFilter { Types = ["image"] });
        Assert.Equal(["pull", "tag", "import", "tag", "untag", "untag", "delete"], events.Select(e => e.Action));
        Assert.Equal("redis:7", events[0].ActorId);
        Assert.Equal("redis", events[0].Attributes["name"]);
        Assert.Equal(imported, events[2].ActorId);
        Assert.Equal("rootfs:2", events[3].Attributes["name"]);
    }
}

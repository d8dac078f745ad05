namespace Coxswain.Engine.Testing.Tests;

public sealed class NetworkAndVolumeTests
{
    [Fact]
    public async Task Networks_PredefinedExist_DuplicateNameConflicts()
    {
        await using var h = new Harness();
        Assert.Equal(["bridge", "host", "none"], (await h.Engine.ListNetworksAsync(cancellationToken: Harness.Token)).Select(n => n.Name));
        var id = await h.Engine.CreateNetworkAsync(new NetworkSpec("app") { Labels = new Dictionary<string, string> { ["p"] = "1" } }, Harness.Token);
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.CreateNetworkAsync(new NetworkSpec("app"), Harness.Token));
        Assert.Equal("network with name app already exists", error.EngineMessage);
        Assert.Equal(id, (await h.Engine.InspectNetworkAsync("app", Harness.Token)).Id);
        Assert.Equal("app", Assert.Single(await h.Engine.ListNetworksAsync(["p=1"], Harness.Token)).Name);
        var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectNetworkAsync("ghost", Harness.Token));
        Assert.Equal("network", missing.ResourceKind);
    }

    [Fact]
    public async Task Connect_RunningContainerWithAliases_EndpointLiveAndEventsPublished()
    {
        await using var h = new Harness();
        await h.Engine.CreateNetworkAsync(new NetworkSpec("app"), Harness.Token);
        var id = await h.RunAsync("c", "sleep", "300");
        await h.Engine.ConnectNetworkAsync("app", "c", ["db", "primary"], Harness.Token);

        var info = await h.Engine.InspectContainerAsync("c", Harness.Token);
        Assert.Equal(["db", "primary", id[..12]], info.Networks["app"].Aliases);
        Assert.NotEqual("", info.Networks["app"].IPAddress);
        Assert.Equal([id], (await h.Engine.InspectNetworkAsync("app", Harness.Token)).ContainerIds);

        await h.Engine.DisconnectNetworkAsync("app", "c", cancellationToken: Harness.Token);
        Assert.False((await h.Engine.InspectContainerAsync("c", Harness.Token)).Networks.ContainsKey("app"));
        Assert.Equal(["network create", "network connect", "network connect", "network disconnect"], await h.EventNamesAsync(new EventFilter { Types = ["network"] }));
        await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.DisconnectNetworkAsync("app", "c", cancellationToken: Harness.Token));
    }

    [Fact]
    public async Task Connect_AliasOnDefaultBridge_IsRejectedAsByDocker()
    {
        await using var h = new Harness();
        await h.CreateAsync("c", "true");
        var error = await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.ConnectNetworkAsync("bridge", "c", ["x"], Harness.Token));
        Assert.Equal("network-scoped alias is supported only for containers in user defined networks", error.EngineMessage);
    }

    [Fact]
    public async Task RemoveNetwork_WhileARunningContainerIsAttached_ConflictsThenWorksOnceStopped()
    {
        await using var h = new Harness();
        var id = await h.Engine.CreateNetworkAsync(new NetworkSpec("app"), Harness.Token);
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], Networks = [new NetworkAttachment("app")] }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveNetworkAsync("app", Harness.Token));
        Assert.Equal($"error while removing network: network app id {id} has active endpoints", error.EngineMessage);

        await h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token);
        await h.Engine.RemoveNetworkAsync("app", Harness.Token);

        var start = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.StartContainerAsync("c", Harness.Token));
        Assert.Equal($"network {id} not found", start.EngineMessage);
        await Assert.ThrowsAsync<EngineApiException>(() => h.Engine.RemoveNetworkAsync("bridge", Harness.Token));
    }

    [Fact]
    public async Task PruneNetworks_RemovesUnusedLabelledOnes()
    {
        await using var h = new Harness();
        await h.Engine.CreateNetworkAsync(new NetworkSpec("a") { Labels = new Dictionary<string, string> { ["p"] = "1" } }, Harness.Token);
        await h.Engine.CreateNetworkAsync(new NetworkSpec("b") { Labels = new Dictionary<string, string> { ["p"] = "1" } }, Harness.Token);
        await h.Engine.CreateNetworkAsync(new NetworkSpec("other"), Harness.Token);
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], Networks = [new NetworkAttachment("b")] }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        Assert.Equal(["a"], await h.Engine.PruneNetworksAsync(["p=1"], Harness.Token));
        Assert.Equal(["b", "bridge", "host", "none", "other"], (await h.Engine.ListNetworksAsync(cancellationToken: Harness.Token)).Select(n => n.Name).Order());
    }

    [Fact]
    public async Task Volumes_CreateIsIdempotent_RemoveInUseConflicts()
    {
        await using var h = new Harness();
        var first = await h.Engine.CreateVolumeAsync(new VolumeSpec("data") { Labels = new Dictionary<string, string> { ["p"] = "1" } }, Harness.Token);
        var second = await h.Engine.CreateVolumeAsync(new VolumeSpec("data"), Harness.Token);
        Assert.Equal((first.Name, first.Driver, first.Mountpoint), (second.Name, second.Driver, second.Mountpoint));
        Assert.Equal("1", second.Labels["p"]);
        Assert.Equal("/var/lib/docker/volumes/data/_data", first.Mountpoint);

        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["true"], Mounts = [new MountSpec(MountType.Volume, "data", "/data")] }, Harness.Token);
        var id = (await h.Engine.InspectContainerAsync("c", Harness.Token)).Id;
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveVolumeAsync("data", cancellationToken: Harness.Token));
        Assert.Equal($"remove data: volume is in use - [{id}]", error.EngineMessage);

        await h.Engine.RemoveContainerAsync("c", cancellationToken: Harness.Token);
        await h.Engine.RemoveVolumeAsync("data", cancellationToken: Harness.Token);
        var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectVolumeAsync("data", Harness.Token));
        Assert.Equal("get data: no such volume", missing.EngineMessage);
    }

    [Fact]
    public async Task PruneVolumes_ByLabel_ReturnsTheNamesOfUnusedOnes()
    {
        await using var h = new Harness();
        foreach (var name in new[] { "v1", "v2", "used" })
        {
            await h.Engine.CreateVolumeAsync(new VolumeSpec(name) { Labels = new Dictionary<string, string> { ["p"] = "1" } }, Harness.Token);
        }

        await h.Engine.CreateVolumeAsync(new VolumeSpec("foreign"), Harness.Token);
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["true"], Mounts = [new MountSpec(MountType.Volume, "used", "/u")] }, Harness.Token);

        Assert.Equal(["v1", "v2"], await h.Engine.PruneVolumesAsync(["p=1"], Harness.Token));
        Assert.Equal(["foreign", "used"], (await h.Engine.ListVolumesAsync(cancellationToken: Harness.Token)).Select(v => v.Name));
    }

    [Fact]
    public async Task AnonymousVolume_RemovedWithTheContainerOnlyWhenAsked()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "keep", Image = Harness.Image, Command = ["true"], Mounts = [new MountSpec(MountType.Volume, null, "/a")] }, Harness.Token);
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "drop", Image = Harness.Image, Command = ["true"], Mounts = [new MountSpec(MountType.Volume, null, "/a")] }, Harness.Token);
        Assert.Equal(2, (await h.Engine.ListVolumesAsync(cancellationToken: Harness.Token)).Count);
        await h.Engine.RemoveContainerAsync("keep", cancellationToken: Harness.Token);
        await h.Engine.RemoveContainerAsync("drop", removeVolumes: true, cancellationToken: Harness.Token);
        Assert.Single(await h.Engine.ListVolumesAsync(cancellationToken: Harness.Token));
    }
}

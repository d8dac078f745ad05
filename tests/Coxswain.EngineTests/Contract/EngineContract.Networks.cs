using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Networks: create, inspect, connect with aliases, disconnect, remove, list and prune by label.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task CreateNetwork_ThenInspect_NameDriverAndLabels()
    {
        var name = Scope.Name("net");

        var id = await Engine.CreateNetworkAsync(NetworkSpecFor(name), Ct).Within();

        var byName = await Engine.InspectNetworkAsync(name, Ct).Within();
        var byId = await Engine.InspectNetworkAsync(id, Ct).Within();
        Assert.Equal(id, byName.Id);
        Assert.Equal(name, byId.Name);
        Assert.Equal("bridge", byName.Driver);
        Assert.False(byName.Internal);
        Assert.Equal(Scope.Id, byName.Labels[TestScope.CaseLabel]);
        Assert.Empty(byName.ContainerIds);
    }

    [Fact]
    public async Task CreateNetwork_DuplicateName_Conflict()
    {
        // Podman answers 500 "network already exists"; the client reports it as a conflict like Docker's 409.
        var name = Scope.Name("net");
        await Engine.CreateNetworkAsync(NetworkSpecFor(name), Ct).Within();

        await AssertConflictAsync(() => Engine.CreateNetworkAsync(NetworkSpecFor(name), Ct));

        Assert.Single(await Engine.ListNetworksAsync([Scope.CaseFilter], Ct).Within());
    }

    [Fact]
    public async Task ConnectNetwork_WithAlias_ContainerInspectShowsAliasAndNetworkShowsContainer()
    {
        var network = Scope.Name("net");
        var networkId = await Engine.CreateNetworkAsync(NetworkSpecFor(network), Ct).Within();
        var id = await CreateAsync(Spec("member", Sleeper));

        await Engine.ConnectNetworkAsync(network, id, ["web"], Ct).Within();
        await Engine.StartContainerAsync(id, Ct).Within();

        var info = await InspectAsync(id);
        Assert.True(info.Networks.TryGetValue(network, out var attachment), $"container networks: {string.Join(", ", info.Networks.Keys)}");
        Assert.Contains("web", attachment.Aliases);
        Assert.False(string.IsNullOrEmpty(attachment.IPAddress), "a running container on a bridge network has an address");
        if (Kind != EngineKind.Podman)
        {
            // Podman differs: it reports the network's name as NetworkID.
            Assert.Equal(networkId, attachment.NetworkId);
        }

        Assert.Contains(id, (await Engine.InspectNetworkAsync(network, Ct).Within()).ContainerIds);
    }

    [Fact]
    public async Task CreateContainer_WithNetworkAttachment_JoinsWithAliases()
    {
        var network = Scope.Name("net");
        await Engine.CreateNetworkAsync(NetworkSpecFor(network), Ct).Within();
        var spec = Spec("attached", Sleeper) with { Networks = [new NetworkAttachment(network, ["db", "primary"])] };

        var id = await RunAsync(spec);

        var info = await InspectAsync(id);
        Assert.True(info.Networks.TryGetValue(network, out var attachment), $"container networks: {string.Join(", ", info.Networks.Keys)}");
        Assert.Contains("db", attachment.Aliases);
        Assert.Contains("primary", attachment.Aliases);
    }

    [Fact]
    public async Task DisconnectNetwork_Connected_ContainerNoLongerOnIt()
    {
        var network = Scope.Name("net");
        await Engine.CreateNetworkAsync(NetworkSpecFor(network), Ct).Within();
        var id = await RunAsync(Spec("member", Sleeper) with { Networks = [new NetworkAttachment(network)] });

        await Engine.DisconnectNetworkAsync(network, id, cancellationToken: Ct).Within();

        Assert.DoesNotContain(network, (await InspectAsync(id)).Networks.Keys);
        Assert.DoesNotContain(id, (await Engine.InspectNetworkAsync(network, Ct).Within()).ContainerIds);
    }

    [Fact]
    public async Task RemoveNetwork_Unused_InspectNotFound()
    {
        var network = Scope.Name("net");
        await Engine.CreateNetworkAsync(NetworkSpecFor(network), Ct).Within();

        await Engine.RemoveNetworkAsync(network, Ct).Within();

        await AssertNotFoundAsync("network", () => Engine.InspectNetworkAsync(network, Ct));
    }

    [Fact]
    public async Task RemoveNetwork_Missing_NotFoundNetwork()
    {
        await AssertNotFoundAsync("network", () => Engine.RemoveNetworkAsync(Scope.Name("missing"), Ct));
    }

    [Fact]
    public async Task RemoveNetwork_WithRunningContainer_Conflict()
    {
        // Docker answers 403 "has active endpoints" and Podman 500 "network is being used"; both are conflicts to the client.
        var network = Scope.Name("net");
        await Engine.CreateNetworkAsync(NetworkSpecFor(network), Ct).Within();
        await RunAsync(Spec("member", Sleeper) with { Networks = [new NetworkAttachment(network)] });

        await AssertConflictAsync(() => Engine.RemoveNetworkAsync(network, Ct));

        await Engine.InspectNetworkAsync(network, Ct).Within();
    }

    [Fact]
    public async Task ListNetworks_ByLabel_OnlyThoseWithAllLabels()
    {
        var role = $"io.coxswain.test.{Scope.Id}.role";
        var front = Scope.Name("front");
        await Engine.CreateNetworkAsync(NetworkSpecFor(front) with { Labels = Scope.LabelsWith((role, "front")) }, Ct).Within();
        await Engine.CreateNetworkAsync(NetworkSpecFor(Scope.Name("back")) with { Labels = Scope.LabelsWith((role, "back")) }, Ct).Within();

        var byKey = await Engine.ListNetworksAsync([role], Ct).Within();
        var byValue = await Engine.ListNetworksAsync([$"{role}=front", Scope.CaseFilter], Ct).Within();

        Assert.Equal(2, byKey.Count);
        Assert.Equal(front, Assert.Single(byValue).Name);
    }

    [Fact]
    public async Task PruneNetworks_ByTwoLabels_RemovesOnlyUnusedOnesWithBoth()
    {
        var prune = $"io.coxswain.test.{Scope.Id}.prune";
        var unused = Scope.Name("unused");
        var used = Scope.Name("used");
        var kept = Scope.Name("kept");
        await Engine.CreateNetworkAsync(NetworkSpecFor(unused) with { Labels = Scope.LabelsWith((prune, "yes")) }, Ct).Within();
        await Engine.CreateNetworkAsync(NetworkSpecFor(used) with { Labels = Scope.LabelsWith((prune, "yes")) }, Ct).Within();
        await Engine.CreateNetworkAsync(NetworkSpecFor(kept), Ct).Within();
        await RunAsync(Spec("member", Sleeper) with { Networks = [new NetworkAttachment(used)] });

        // Two filters, both scoped to this test (Podman 4.3 ORs several label filters for volumes; networks must AND them too).
        var pruned = await Engine.PruneNetworksAsync([$"{prune}=yes", Scope.CaseFilter], Ct).Within();

        Assert.Equal([unused], pruned);
        var left = (await Engine.ListNetworksAsync([Scope.CaseFilter], Ct).Within()).Select(n => n.Name).Order();
        Assert.Equal([kept, used], left);
    }

    private NetworkSpec NetworkSpecFor(string name) => new(name) { Labels = Scope.Labels };
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Volumes: create (idempotent), inspect, list and prune by label, remove, and data that outlives a container.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task CreateVolume_ThenInspect_NameDriverLabels()
    {
        var name = Scope.Name("vol");

        var created = await Engine.CreateVolumeAsync(VolumeSpecFor(name), Ct).Within();
        var inspected = await Engine.InspectVolumeAsync(name, Ct).Within();

        Assert.Equal(name, created.Name);
        Assert.Equal(name, inspected.Name);
        Assert.Equal("local", inspected.Driver);
        Assert.Equal(Scope.Id, inspected.Labels[TestScope.CaseLabel]);
        Assert.False(string.IsNullOrEmpty(inspected.Mountpoint), "a local volume has a mountpoint");
    }

    [Fact]
    public async Task CreateVolume_Twice_ReturnsTheExistingVolumeUnchanged()
    {
        var name = Scope.Name("vol");
        await Engine.CreateVolumeAsync(VolumeSpecFor(name), Ct).Within();

        var second = await Engine.CreateVolumeAsync(new VolumeSpec(name) { Labels = Scope.LabelsWith(("io.coxswain.test.second", "yes")) }, Ct).Within();

        Assert.Equal(name, second.Name);
        Assert.False(second.Labels.ContainsKey("io.coxswain.test.second"), "creating an existing volume must not change its labels");
        Assert.Single(await Engine.ListVolumesAsync([Scope.CaseFilter], Ct).Within());
    }

    [Fact]
    public async Task InspectVolume_Missing_NotFoundVolume()
    {
        await AssertNotFoundAsync("volume", () => Engine.InspectVolumeAsync(Scope.Name("missing"), Ct));
    }

    [Fact]
    public async Task ListVolumes_ByLabel_OnlyThoseWithAllLabels()
    {
        var role = $"io.coxswain.test.{Scope.Id}.role";
        var data = Scope.Name("data");
        await Engine.CreateVolumeAsync(VolumeSpecFor(data) with { Labels = Scope.LabelsWith((role, "data")) }, Ct).Within();
        await Engine.CreateVolumeAsync(VolumeSpecFor(Scope.Name("cache")) with { Labels = Scope.LabelsWith((role, "cache")) }, Ct).Within();
        await Engine.CreateVolumeAsync(VolumeSpecFor(Scope.Name("plain")), Ct).Within();

        var byKey = await Engine.ListVolumesAsync([role], Ct).Within();
        var byValue = await Engine.ListVolumesAsync([$"{role}=data", Scope.CaseFilter], Ct).Within();

        Assert.Equal(2, byKey.Count);
        Assert.Equal(data, Assert.Single(byValue).Name);
    }

    [Fact]
    public async Task RemoveVolume_Unused_InspectNotFound()
    {
        var name = Scope.Name("vol");
        await Engine.CreateVolumeAsync(VolumeSpecFor(name), Ct).Within();

        await Engine.RemoveVolumeAsync(name, cancellationToken: Ct).Within();

        await AssertNotFoundAsync("volume", () => Engine.InspectVolumeAsync(name, Ct));
    }

    [Fact]
    public async Task RemoveVolume_Missing_NotFoundVolume()
    {
        await AssertNotFoundAsync("volume", () => Engine.RemoveVolumeAsync(Scope.Name("missing"), cancellationToken: Ct));
    }

    [Fact]
    public async Task RemoveVolume_UsedByContainer_Conflict()
    {
        var name = Scope.Name("vol");
        await Engine.CreateVolumeAsync(VolumeSpecFor(name), Ct).Within();
        await CreateAsync(Spec("user", Sleeper) with { Mounts = [new MountSpec(MountType.Volume, name, "/data")] });

        await AssertConflictAsync(() => Engine.RemoveVolumeAsync(name, cancellationToken: Ct));

        await Engine.InspectVolumeAsync(name, Ct).Within();
    }

    [Fact]
    public async Task PruneVolumes_ByTwoLabels_RemovesOnlyUnusedOnesWithBoth()
    {
        var prune = $"io.coxswain.test.{Scope.Id}.prune";
        var unused = Scope.Name("unused");
        var used = Scope.Name("used");
        var kept = Scope.Name("kept");
        await Engine.CreateVolumeAsync(VolumeSpecFor(unused) with { Labels = Scope.LabelsWith((prune, "yes")) }, Ct).Within();
        await Engine.CreateVolumeAsync(VolumeSpecFor(used) with { Labels = Scope.LabelsWith((prune, "yes")) }, Ct).Within();
        await Engine.CreateVolumeAsync(VolumeSpecFor(kept), Ct).Within();
        await CreateAsync(Spec("user", Sleeper) with { Mounts = [new MountSpec(MountType.Volume, used, "/data")] });

        // Two filters, both scoped to this test: Podman 4.3 ORs several label filters when it lists or prunes volumes.
        var pruned = await Engine.PruneVolumesAsync([$"{prune}=yes", Scope.CaseFilter], Ct).Within();

        Assert.Equal([unused], pruned);
        var left = (await Engine.ListVolumesAsync([Scope.CaseFilter], Ct).Within()).Select(v => v.Name).Order();
        Assert.Equal([kept, used], left);
    }

    [Fact]
    public async Task VolumeMount_DataWrittenByOneContainer_ReadByTheNext()
    {
        var name = Scope.Name("vol");
        await Engine.CreateVolumeAsync(VolumeSpecFor(name), Ct).Within();
        var mount = new MountSpec(MountType.Volume, name, "/data");
        var writer = await RunAsync(Spec("writer", "sh", "-c", "echo kept > /data/file") with { Mounts = [mount] });
        Assert.Equal(0, await Engine.WaitContainerAsync(writer, Ct).Within());

        var reader = await RunAsync(Spec("reader", "cat", "/data/file") with { Mounts = [mount with { ReadOnly = true }] });
        Assert.Equal(0, await Engine.WaitContainerAsync(reader, Ct).Within());

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(reader, null, t), TimeSpan.FromSeconds(30), what: "reader logs");
        Assert.Equal(["kept"], lines.Select(l => l.Text));
    }

    private VolumeSpec VolumeSpecFor(string name) => new(name) { Labels = Scope.Labels };
}

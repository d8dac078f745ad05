using Coxswain.Apps.Tests.Support;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Apps.Tests;

public sealed class UpgradeTests
{
    private static readonly ImageDefinition Good = new() { Command = ["sh", "-c", "echo v1 serving; sleep 100000"] };
    private static readonly ImageDefinition Broken = new() { Command = ["sh", "-c", "echo v2: schema migration failed; exit 5"] };
    private static readonly ImageDefinition Better = new() { Command = ["sh", "-c", "echo v2 serving; sleep 100000"] };

    [Fact]
    public async Task Upgrade_NewImageUnderSameTagFails_RollsBackToThePreviousImage()
    {
        await using var bed = new AppBed();
        var v1 = bed.Engine.AddLocalImage("shop:latest", Good);
        bed.AddApp("shop", TestApps.ImageCommand("shop:latest"));
        Assert.True((await bed.DriveAsync(bed.Manager.InstallAsync("shop", AppBed.Ct))).Succeeded);
        var v2 = bed.Engine.AddLocalImage("shop:latest", Broken);

        var result = await bed.DriveAsync(bed.Manager.UpgradeAsync("shop", AppBed.Ct));

        Assert.Equal(AppErrorCode.UpgradeFailed, result.Error?.Code);
        Assert.Contains("it was rolled back to the previous version, which is up", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 5", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(result.Error.LogTails, t => t.Lines.Contains("v2: schema migration failed"));
        var app = await bed.Engine.InspectContainerAsync("shop-app-1", AppBed.Ct);
        Assert.True(app.State.Running);
        Assert.Equal(v1, app.ImageId);
        Assert.Equal(v1, (await bed.Engine.InspectImageAsync("shop:latest", AppBed.Ct)).Id);
        Assert.NotEqual(v1, v2);
        var record = bed.Manager.Store.Get("shop")!;
        Assert.Equal(AppInstallState.Installed, record.State);
        Assert.Equal(v1, record.Current.Images["app"].Id);
    }

    [Fact]
    public async Task Upgrade_NewTagInCatalogFails_RollsBackToTheOldTagAndRemovesNewServices()
    {
        await using var bed = new AppBed();
        bed.Engine.AddLocalImage("shop:1", Good);
        bed.Engine.AddLocalImage("shop:2", Broken);
        var folder = bed.AddApp("shop", TestApps.ImageCommand("shop:1"));
        await bed.DriveAsync(bed.Manager.InstallAsync("shop", AppBed.Ct));
        File.WriteAllText(Path.Combine(folder, "compose.yaml"), TestApps.ImageCommand("shop:2") + "\n  extra:\n    image: busybox:test\n    command: [\"sh\", \"-c\", \"sleep 100000\"]\n");

        var result = await bed.DriveAsync(bed.Manager.UpgradeAsync("shop", AppBed.Ct));

        Assert.Equal(AppErrorCode.UpgradeFailed, result.Error?.Code);
        var status = await bed.Manager.StatusAsync("shop", AppBed.Ct);
        var container = Assert.Single(status.Value!.Containers);
        Assert.Equal("shop:1", container.Image);
        Assert.True(container.Running);
    }

    [Fact]
    public async Task Upgrade_NewImageHealthy_RecreatesAndKeepsThePreviousImageForRollback()
    {
        await using var bed = new AppBed();
        var v1 = bed.Engine.AddLocalImage("shop:latest", Good);
        bed.AddApp("shop", TestApps.ImageCommand("shop:latest"));
        await bed.DriveAsync(bed.Manager.InstallAsync("shop", AppBed.Ct));
        var before = (await bed.Engine.InspectContainerAsync("shop-app-1", AppBed.Ct)).Id;
        var v2 = bed.Engine.AddLocalImage("shop:latest", Better);

        var result = await bed.DriveAsync(bed.Manager.UpgradeAsync("shop", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        var after = await bed.Engine.InspectContainerAsync("shop-app-1", AppBed.Ct);
        Assert.NotEqual(before, after.Id);
        Assert.Equal(v2, after.ImageId);
        Assert.Equal(v1, (await bed.Engine.InspectImageAsync(AppManager.RollbackTag("shop", "app"), AppBed.Ct)).Id);
        Assert.Equal(v1, bed.Manager.Store.Get("shop")!.Previous!.Images["app"].Id);
    }

    [Fact]
    public async Task Upgrade_NothingChanged_TouchesNothing()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        var before = (await bed.Engine.InspectContainerAsync("notes-db-1", AppBed.Ct)).Id;

        var result = await bed.DriveAsync(bed.Manager.UpgradeAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(before, (await bed.Engine.InspectContainerAsync("notes-db-1", AppBed.Ct)).Id);
    }

    [Fact]
    public async Task Upgrade_NotInstalled_IsNotInstalled()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);

        var result = await bed.Manager.UpgradeAsync("notes", AppBed.Ct);

        Assert.Equal(AppErrorCode.NotInstalled, result.Error?.Code);
    }
}

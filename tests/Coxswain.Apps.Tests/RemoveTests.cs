using Coxswain.Apps.Tests.Support;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.Apps.Tests;

public sealed class RemoveTests
{
    [Fact]
    public async Task Remove_WithoutPreserveData_LeavesNothingAndForgetsTheApp()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        var result = await bed.DriveAsync(bed.Manager.RemoveAsync("notes", preserveData: false, AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["container notes-db-1", "container notes-web-1", "network notes_default", "volume notes_data"], result.Value.Removed.Order(StringComparer.Ordinal));
        Assert.Empty(result.Value.PreservedVolumes);
        Assert.Empty(await bed.LabelledAsync("notes"));
        Assert.Null(bed.Manager.Store.Get("notes"));
    }

    [Fact]
    public async Task Remove_PreserveData_KeepsTheVolumeAndAReinstallFindsIt()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes.Replace("touch /tmp/ready", "touch /tmp/ready; test -f /data/first || echo kept > /data/first", StringComparison.Ordinal));
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        var result = await bed.DriveAsync(bed.Manager.RemoveAsync("notes", preserveData: true, AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["notes_data"], result.Value.PreservedVolumes);
        Assert.Equal(["volume notes_data"], await bed.LabelledAsync("notes"));
        Assert.True((await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct))).Succeeded);
        var read = await bed.Engine.ExecAsync("notes-db-1", new ExecSpec(["cat", "/data/first"]), cancellationToken: AppBed.Ct);
        Assert.Equal("kept", read.Stdout.Trim());
    }

    [Fact]
    public async Task Remove_NetworkCannotBeRemoved_ListsWhatIsLeftAndKeepsTheRecord()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        bed.Engine.Faults.FailCall("RemoveNetwork");

        var result = await bed.DriveAsync(bed.Manager.RemoveAsync("notes", cancellationToken: AppBed.Ct));

        Assert.Equal(AppErrorCode.RemoveIncomplete, result.Error?.Code);
        Assert.Equal(["network notes_default"], result.Error!.Left);
        Assert.Contains("still there: network notes_default", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(AppInstallState.Removing, bed.Manager.Store.Get("notes")?.State);

        bed.Engine.Faults.Clear();
        var again = await bed.DriveAsync(bed.Manager.RemoveAsync("notes", cancellationToken: AppBed.Ct));
        Assert.True(again.Succeeded, again.Error?.Message);
        Assert.Empty(await bed.LabelledAsync("notes"));
    }

    [Fact]
    public async Task Remove_NotInstalled_IsNotInstalled()
    {
        await using var bed = new AppBed();

        var result = await bed.Manager.RemoveAsync("notes", cancellationToken: AppBed.Ct);

        Assert.Equal(AppErrorCode.NotInstalled, result.Error?.Code);
    }
}

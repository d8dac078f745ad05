using Coxswain.Apps.Tests.Support;
using Coxswain.Engine;
using Coxswain.Stacks;
using Xunit;

namespace Coxswain.Apps.Tests;

public sealed class InstallTests
{
    [Fact]
    public async Task Install_HealthyApp_RunsEveryServiceAndRecordsIt()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("running", result.Value.Summary);
        Assert.Equal(["notes-db-1", "notes-web-1"], result.Value.Containers.Select(c => c.Name));
        Assert.All(result.Value.Containers, c => Assert.True(c.Running));
        Assert.Equal(AppInstallState.Installed, bed.Manager.Store.Get("notes")?.State);
        var db = await bed.Engine.InspectContainerAsync("notes-db-1", AppBed.Ct);
        Assert.Equal("notes", db.Labels[AppLabels.App]);
        Assert.StartsWith("sha256:", db.Labels[AppLabels.ImageId], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_Twice_IsAlreadyInstalled()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        var second = await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        Assert.Equal(AppErrorCode.AlreadyInstalled, second.Error?.Code);
        Assert.Contains("upgrade it, or remove it first", second.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_IdNotInCatalog_NamesTheFileAndTheAppsThereAre()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);

        var result = await bed.Manager.InstallAsync("wiki", AppBed.Ct);

        Assert.Equal(AppErrorCode.NotFoundInCatalog, result.Error?.Code);
        Assert.Contains(Path.Combine("wiki", "compose.yaml"), result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("apps in the catalog: notes", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("Notes")]
    [InlineData("")]
    public async Task Install_InvalidId_IsInvalidAndTouchesNoFile(string id)
    {
        await using var bed = new AppBed();

        var result = await bed.Manager.InstallAsync(id, AppBed.Ct);

        Assert.Equal(AppErrorCode.InvalidApp, result.Error?.Code);
        Assert.False(Directory.Exists(Path.Combine(bed.Root, "state")));
    }

    [Fact]
    public async Task Install_PullFailsTwice_RetriesAfterExactly5ThenExactly15Seconds()
    {
        await using var bed = new AppBed();
        bed.Engine.Registry.Add("registry.test/notes:1");
        bed.Engine.Faults.FailPull("registry.test/notes:1", times: 2);
        bed.AddApp("notes", TestApps.ImageCommand("registry.test/notes:1").Replace("image: registry.test/notes:1", "image: registry.test/notes:1\n    command: [\"sh\", \"-c\", \"sleep 100000\"]", StringComparison.Ordinal));
        var start = bed.Time.GetUtcNow();

        var running = bed.Manager.InstallAsync("notes", AppBed.Ct);
        await bed.Time.WaitForTimersAsync(1, AppBed.Ct).WaitAsync(TimeSpan.FromSeconds(10), AppBed.Ct);
        Assert.Equal(TimeSpan.FromSeconds(5), bed.Time.TimeUntilNextTimer);
        bed.Time.Advance(TimeSpan.FromSeconds(5));
        await bed.Time.WaitForTimersAsync(1, AppBed.Ct).WaitAsync(TimeSpan.FromSeconds(10), AppBed.Ct);
        Assert.Equal(TimeSpan.FromSeconds(15), bed.Time.TimeUntilNextTimer);
        bed.Time.Advance(TimeSpan.FromSeconds(15));
        var result = await bed.DriveAsync(running);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(TimeSpan.FromSeconds(20), bed.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Install_PullFailsEveryTime_ErrorsAfterThreeAttemptsAndCreatesNothing()
    {
        await using var bed = new AppBed();
        bed.Engine.Registry.Add("registry.test/notes:1");
        bed.Engine.Faults.FailPull("registry.test/notes:1", times: 3, message: "registry timed out");
        bed.AddApp("notes", TestApps.ImageCommand("registry.test/notes:1"));
        var start = bed.Time.GetUtcNow();

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        Assert.Equal(AppErrorCode.PullFailed, result.Error?.Code);
        Assert.Contains("cannot pull image registry.test/notes:1 for service app: 3 attempts failed (retried after 5 s, 15 s)", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("registry timed out", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(20), bed.Time.GetUtcNow() - start);
        Assert.Empty(await bed.LabelledAsync("notes"));
        Assert.Null(bed.Manager.Store.Get("notes"));
    }

    [Fact]
    public async Task Install_ImageExistsNowhere_ErrorsNamingTheImageAndCreatesNothing()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes.Replace("image: busybox:test\n    command: [\"sh\", \"-c\", \"echo web", "image: nowhere/web:9\n    command: [\"sh\", \"-c\", \"echo web", StringComparison.Ordinal));

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        Assert.Equal(AppErrorCode.PullFailed, result.Error?.Code);
        Assert.Contains("cannot pull image nowhere/web:9 for service web", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.LabelledAsync("notes"));
        Assert.Empty(await bed.Engine.ListContainersAsync(new ContainerListOptions(), AppBed.Ct));
        Assert.Null(bed.Manager.Store.Get("notes"));
    }

    [Fact]
    public async Task Install_ServiceNeverHealthy_RollsBackEverythingAndReturnsReasonAndLogTail()
    {
        await using var bed = new AppBed();
        bed.AddApp("broken", TestApps.NeverHealthy);

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("broken", AppBed.Ct));

        Assert.Equal(AppErrorCode.InstallFailed, result.Error?.Code);
        var error = result.Error!;
        Assert.StartsWith("app \"broken\" did not come up, so the install was rolled back (everything the install created was removed", error.Message, StringComparison.Ordinal);
        Assert.Contains("unhealthy", error.Message, StringComparison.Ordinal);
        var tail = Assert.Single(error.LogTails);
        Assert.Equal("broken-db-1", tail.Container);
        Assert.Contains("fatal: cannot lock /data", tail.Lines);
        Assert.Contains("container broken-db-1", error.RolledBack);
        Assert.Contains("network broken_default", error.RolledBack);
        Assert.Contains("volume broken_data", error.RolledBack);
        Assert.Empty(error.Left);
        Assert.Empty(await bed.LabelledAsync("broken"));
        Assert.Null(bed.Manager.Store.Get("broken"));
    }

    [Fact]
    public async Task Install_ContainerExitsAtOnce_RollsBackAndQuotesExitCodeAndLog()
    {
        await using var bed = new AppBed();
        bed.AddApp("crashy", TestApps.Notes.Replace("echo web up; sleep 100000", "echo missing config; exit 3", StringComparison.Ordinal));

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("crashy", AppBed.Ct));

        Assert.Equal(AppErrorCode.InstallFailed, result.Error?.Code);
        Assert.Contains("exit code 3", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(result.Error.LogTails, t => t.Container == "crashy-web-1" && t.Lines.Contains("missing config"));
        Assert.Empty(await bed.LabelledAsync("crashy"));
    }

    [Fact]
    public async Task Install_AfterRemoveWithPreservedData_KeepsTheOldVolumeWhenItFails()
    {
        await using var bed = new AppBed();
        var folder = bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        Assert.True((await bed.DriveAsync(bed.Manager.RemoveAsync("notes", preserveData: true, AppBed.Ct))).Succeeded);
        File.WriteAllText(Path.Combine(folder, "compose.yaml"), TestApps.Notes.Replace("test -f /tmp/ready", "false", StringComparison.Ordinal));

        var result = await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        Assert.Equal(AppErrorCode.InstallFailed, result.Error?.Code);
        Assert.Equal(["volume notes_data"], await bed.LabelledAsync("notes"));
    }

    [Fact]
    public async Task Install_StackOfTheSameNameExists_IsAConflictAndTouchesIt()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.Engine.CreateContainerAsync(
            new ContainerSpec { Name = "notes-other-1", Image = AppBed.Image, Labels = new Dictionary<string, string> { [StackLabels.Project] = "notes" } }, AppBed.Ct);

        var result = await bed.Manager.InstallAsync("notes", AppBed.Ct);

        Assert.Equal(AppErrorCode.Conflict, result.Error?.Code);
        Assert.Contains("notes-other-1", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["container notes-other-1"], await bed.LabelledAsync("notes"));
    }
}

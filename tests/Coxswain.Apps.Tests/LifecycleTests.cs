using Coxswain.Apps.Tests.Support;
using Coxswain.Stacks;
using Xunit;

namespace Coxswain.Apps.Tests;

public sealed class LifecycleTests
{
    private static readonly string Graceful = TestApps.Notes
        .Replace("echo db starting;", "trap 'echo db closing; exit 0' TERM; echo db starting;", StringComparison.Ordinal)
        .Replace("sleep 100000\"]\n    healthcheck", "while true; do sleep 1; done\"]\n    healthcheck", StringComparison.Ordinal);

    [Fact]
    public async Task Stop_RunningApp_StopsEveryContainerWithItsStopSignal()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", Graceful);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        var result = await bed.DriveAsync(bed.Manager.StopAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("stopped", result.Value.Summary);
        Assert.All(result.Value.Containers, c => Assert.False(c.Running));
        var logs = await bed.Manager.LogsAsync("notes", 5, AppBed.Ct);
        Assert.Contains("db closing", logs.Value!.Single(t => t.Service == "db").Lines);
    }

    [Fact]
    public async Task Stop_ContainerIgnoresTheSignal_IsKilledAfterTheGracePeriod()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes.Replace("echo db starting;", "trap '' TERM; echo db starting;", StringComparison.Ordinal)
            .Replace("sleep 100000\"]\n    healthcheck", "while true; do sleep 1; done\"]\n    healthcheck", StringComparison.Ordinal));
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        var start = bed.Time.GetUtcNow();

        var result = await bed.DriveAsync(bed.Manager.StopAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("killed", result.Value.Containers.Single(c => c.Service == "db").State);
        Assert.True(bed.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(3), $"stopped after {bed.Time.GetUtcNow() - start}, before the 3 s grace period");
    }

    [Fact]
    public async Task Start_AfterStop_BringsEveryServiceBackHealthy()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        await bed.DriveAsync(bed.Manager.StopAsync("notes", AppBed.Ct));

        var result = await bed.DriveAsync(bed.Manager.StartAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("running", result.Value.Summary);
    }

    [Fact]
    public async Task Restart_RunningApp_StartsEveryContainerAgain()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        var before = await bed.Engine.InspectContainerAsync("notes-web-1", AppBed.Ct);

        var result = await bed.DriveAsync(bed.Manager.RestartAsync("notes", AppBed.Ct));

        Assert.True(result.Succeeded, result.Error?.Message);
        var after = await bed.Engine.InspectContainerAsync("notes-web-1", AppBed.Ct);
        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(before.State.Pid, after.State.Pid);
    }

    [Fact]
    public async Task Start_ContainerNowCrashes_FailsWithTheLogTailInsteadOfReportingSuccess()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));
        await bed.DriveAsync(bed.Manager.StopAsync("notes", AppBed.Ct));
        bed.Engine.Faults.ExitAfterStart("notes-web-1", 2);

        var result = await bed.DriveAsync(bed.Manager.StartAsync("notes", AppBed.Ct));

        Assert.Equal(AppErrorCode.OperationFailed, result.Error?.Code);
        Assert.Contains("notes-web-1", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusLogsHealth_InstalledApp_DescribeEachContainer()
    {
        await using var bed = new AppBed();
        bed.AddApp("notes", TestApps.Notes);
        bed.AddApp("wiki", TestApps.Vault, ("secrets/api_token.txt", "t0ken"));
        await bed.DriveAsync(bed.Manager.InstallAsync("notes", AppBed.Ct));

        var list = await bed.Manager.ListAsync(AppBed.Ct);
        var logs = await bed.Manager.LogsAsync("notes", 1, AppBed.Ct);
        var health = await bed.DriveAsync(bed.Manager.HealthAsync("notes", AppBed.Ct));
        var containers = await bed.Manager.ListContainersAsync(cancellationToken: AppBed.Ct);
        var one = await bed.DriveAsync(bed.Manager.ContainerHealthAsync("notes-db-1", AppBed.Ct));

        Assert.Equal(["notes running", "wiki not installed"], list.Value!.Select(e => $"{e.Id} {e.Summary}"));
        Assert.Equal(["db starting"], logs.Value!.Single(t => t.Service == "db").Lines);
        Assert.Equal(HealthStatus.Healthy, health.Value!.Single(h => h.Service == "db").Health);
        Assert.Equal("healthy", health.Value!.Single(h => h.Service == "db").State);
        Assert.Null(health.Value!.Single(h => h.Service == "web").Health);
        Assert.Equal(["notes-db-1", "notes-web-1"], containers.Value!.Select(c => c.Name));
        Assert.Equal(HealthStatus.Healthy, one.Value!.Health);
        Assert.Equal(AppErrorCode.ContainerNotFound, (await bed.Manager.ContainerHealthAsync("nope", AppBed.Ct)).Error?.Code);
        Assert.Equal(AppErrorCode.NotInstalled, (await bed.Manager.StatusAsync("wiki", AppBed.Ct)).Error?.Code);
    }
}

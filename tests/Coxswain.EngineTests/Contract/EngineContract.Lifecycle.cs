using System.Diagnostics;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Create, start, stop, kill, restart, wait and remove.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task CreateContainer_ThenInspect_StateIsCreated()
    {
        var spec = Spec("created", Sleeper);
        var id = await CreateAsync(spec);

        var info = await InspectAsync(id);

        Assert.Equal(id, info.Id);
        Assert.Equal(spec.Name, info.Name);
        Assert.Equal(ContainerStatus.Created, info.State.Status);
        Assert.False(info.State.Running);
        Assert.Equal(0, info.State.Pid);
        Assert.Equal(0, info.State.ExitCode);
        Assert.Null(info.State.StartedAt);
        Assert.Equal(Sleeper, info.Command);
        var image = await Engine.InspectImageAsync(Image, Ct).Within();
        Assert.Equal(image.Id, info.ImageId);
    }

    [Fact]
    public async Task InspectContainer_ByNameAndById_SameContainer()
    {
        var spec = Spec("byname", Sleeper);
        var id = await CreateAsync(spec);

        var byName = await InspectAsync(spec.Name!);
        var byId = await InspectAsync(id);

        Assert.Equal(id, byName.Id);
        Assert.Equal(spec.Name, byId.Name);
    }

    [Fact]
    public async Task StartContainer_Created_IsRunningWithStartedAt()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var id = await RunAsync(Spec("started", Sleeper));

        var info = await InspectAsync(id);

        Assert.Equal(ContainerStatus.Running, info.State.Status);
        Assert.True(info.State.Running);
        Assert.True(info.State.Pid > 0, $"a running container has a pid, got {info.State.Pid}");
        Assert.NotNull(info.State.StartedAt);
        Assert.InRange(info.State.StartedAt.Value, before, DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task StartContainer_AlreadyRunning_IsNoOp()
    {
        var id = await RunAsync(Spec("twice", Sleeper));
        var first = await InspectAsync(id);

        await Engine.StartContainerAsync(id, Ct).Within();

        var second = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Running, second.State.Status);
        Assert.Equal(first.State.StartedAt, second.State.StartedAt);
        Assert.Equal(first.State.Pid, second.State.Pid);
    }

    [Fact]
    public async Task WaitContainer_ShellExits3_ReturnsExitCodeAndInspectAgrees()
    {
        var id = await RunShellAsync("exit3", "exit 3");

        var exitCode = await Engine.WaitContainerAsync(id, Ct).Within();
        var again = await Engine.WaitContainerAsync(id, Ct).Within();

        Assert.Equal(3, exitCode);
        Assert.Equal(3, again);
        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.False(info.State.Running);
        Assert.Equal(3, info.State.ExitCode);
        Assert.NotNull(info.State.FinishedAt);
        // Both engines may record FinishedAt a few milliseconds before StartedAt for a process this short (measured).
        Assert.True(info.State.FinishedAt >= info.State.StartedAt!.Value.AddSeconds(-1), $"finished {info.State.FinishedAt:O} long before it started {info.State.StartedAt:O}");
    }

    [Fact]
    public async Task WaitContainer_NormalExit_ExitCode0AndNotOomKilled()
    {
        var id = await RunAsync(Spec("true", "true"));

        Assert.Equal(0, await Engine.WaitContainerAsync(id, Ct).Within());

        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(0, info.State.ExitCode);
        Assert.False(info.State.OomKilled);
        Assert.Equal(0, info.State.Pid);
    }

    [Fact]
    public async Task StopContainer_SleepIgnoresSigterm_KilledAfterTimeoutWith137()
    {
        var id = await RunAsync(Spec("stopsleep", Sleeper));

        var elapsed = Stopwatch.StartNew();
        await Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), Ct).Within();
        elapsed.Stop();

        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(137, info.State.ExitCode);
        Assert.False(info.State.OomKilled);
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task StopContainer_TrapScript_ExitsWithTheScriptsCode()
    {
        var id = await RunShellAsync("stoptrap", TrapScript);
        await WaitForLogLineAsync(id, "ready");

        var elapsed = Stopwatch.StartNew();
        await Engine.StopContainerAsync(id, TimeSpan.FromSeconds(20), Ct).Within();
        elapsed.Stop();

        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(7, info.State.ExitCode);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"the script exits on SIGTERM, yet stop took {elapsed.Elapsed}");
    }

    [Fact]
    public async Task StopContainer_AlreadyStopped_IsNoOp()
    {
        var id = await RunShellAsync("stopstopped", "exit 4");
        await Engine.WaitContainerAsync(id, Ct).Within();

        await Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), Ct).Within();

        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(4, info.State.ExitCode);
    }

    [Fact]
    public async Task StopContainer_NeverStarted_IsNoOpAndStaysCreated()
    {
        var id = await CreateAsync(Spec("stopcreated", Sleeper));

        await Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), Ct).Within();

        Assert.Equal(ContainerStatus.Created, (await InspectAsync(id)).State.Status);
    }

    [Fact]
    public async Task KillContainer_Running_Exits137()
    {
        var id = await RunAsync(Spec("kill", Sleeper));

        await Engine.KillContainerAsync(id, cancellationToken: Ct).Within();

        Assert.Equal(137, await Engine.WaitContainerAsync(id, Ct).Within());
        var info = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(137, info.State.ExitCode);
        Assert.False(info.State.OomKilled);
    }

    [Fact]
    public async Task KillContainer_SigtermToTrapScript_ExitsWithTheScriptsCode()
    {
        var id = await RunShellAsync("killterm", TrapScript);
        await WaitForLogLineAsync(id, "ready");

        await Engine.KillContainerAsync(id, "SIGTERM", Ct).Within();

        Assert.Equal(7, await Engine.WaitContainerAsync(id, Ct).Within());
    }

    [Fact]
    public async Task KillContainer_Stopped_Conflict()
    {
        // Podman answers 500 "container state improper" here; the client reports it as a conflict like Docker's 409.
        var id = await RunAsync(Spec("killstopped", "true"));
        await Engine.WaitContainerAsync(id, Ct).Within();

        await AssertConflictAsync(() => Engine.KillContainerAsync(id, cancellationToken: Ct));
    }

    [Fact]
    public async Task KillContainer_NeverStarted_Conflict()
    {
        var id = await CreateAsync(Spec("killcreated", Sleeper));

        await AssertConflictAsync(() => Engine.KillContainerAsync(id, cancellationToken: Ct));
    }

    [Fact]
    public async Task RestartContainer_Running_RunsAgainWithNewStartedAt()
    {
        var id = await RunAsync(Spec("restart", Sleeper));
        var first = await InspectAsync(id);

        await Engine.RestartContainerAsync(id, TimeSpan.Zero, Ct).Within();

        var second = await InspectAsync(id);
        Assert.Equal(ContainerStatus.Running, second.State.Status);
        Assert.True(second.State.StartedAt > first.State.StartedAt, $"StartedAt went from {first.State.StartedAt:O} to {second.State.StartedAt:O}");
        Assert.NotEqual(first.State.Pid, second.State.Pid);
        Assert.Equal(0, second.RestartCount);
    }

    [Fact]
    public async Task RestartContainer_Exited_RunsAgain()
    {
        var id = await RunShellAsync("restartexited", "exit 2");
        await Engine.WaitContainerAsync(id, Ct).Within();
        var first = await InspectAsync(id);

        await Engine.RestartContainerAsync(id, TimeSpan.FromSeconds(1), Ct).Within();

        Assert.Equal(2, await Engine.WaitContainerAsync(id, Ct).Within());
        var second = await InspectAsync(id);
        Assert.True(second.State.StartedAt > first.State.StartedAt, $"StartedAt went from {first.State.StartedAt:O} to {second.State.StartedAt:O}");
    }

    [Fact]
    public async Task RemoveContainer_RunningWithoutForce_ConflictAndStillRunning()
    {
        var id = await RunAsync(Spec("rmrunning", Sleeper));

        await AssertConflictAsync(() => Engine.RemoveContainerAsync(id, cancellationToken: Ct));

        Assert.Equal(ContainerStatus.Running, (await InspectAsync(id)).State.Status);
    }

    [Fact]
    public async Task RemoveContainer_RunningWithForce_IsGone()
    {
        var id = await RunAsync(Spec("rmforce", Sleeper));

        await Engine.RemoveContainerAsync(id, force: true, cancellationToken: Ct).Within();

        await AssertNotFoundAsync("container", () => Engine.InspectContainerAsync(id, Ct));
    }

    [Fact]
    public async Task RemoveContainer_Exited_IsGoneAndNameIsFree()
    {
        var spec = Spec("rmexited", "true");
        var id = await RunAsync(spec);
        await Engine.WaitContainerAsync(id, Ct).Within();

        await Engine.RemoveContainerAsync(id, cancellationToken: Ct).Within();

        await AssertNotFoundAsync("container", () => Engine.InspectContainerAsync(spec.Name!, Ct));
        var again = await CreateAsync(spec);
        Assert.NotEqual(id, again);
    }
}

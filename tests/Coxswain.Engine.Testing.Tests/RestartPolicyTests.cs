namespace Coxswain.Engine.Testing.Tests;

/// <summary>The engine's own restart policy: 100 ms doubling to 1 min, reset after 10 s up; die then start, no restart event.</summary>
public sealed class RestartPolicyTests
{
    [Fact]
    public async Task Always_CrashingContainer_RestartsWithDoublingBackoff()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sh", "-c", "exit 1"], RestartPolicy = new RestartPolicy("always") }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);

        var state = await h.StateAsync("c");
        Assert.Equal(ContainerStatus.Restarting, state.Status);
        Assert.True(state.Running);
        Assert.Equal(TimeSpan.FromMilliseconds(100), h.Time.TimeUntilNextTimer);
        h.Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(200), h.Time.TimeUntilNextTimer);
        h.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(400), h.Time.TimeUntilNextTimer);

        Assert.Equal(3, (await h.Engine.InspectContainerAsync("c", Harness.Token)).RestartCount);
        Assert.Equal(["container start", "container die 1", "container start", "container die 1", "container start", "container die 1"],
            (await h.EventNamesAsync(new EventFilter { Types = ["container"] })).Skip(1));
    }

    [Fact]
    public async Task OnFailure_WithMaximum_GivesUpAfterThatManyRestarts()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["false"], RestartPolicy = new RestartPolicy("on-failure", 2) }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        while (h.Time.AdvanceToNextTimer())
        {
        }

        var info = await h.Engine.InspectContainerAsync("c", Harness.Token);
        Assert.Equal(2, info.RestartCount);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
    }

    [Fact]
    public async Task OnFailure_CleanExit_DoesNotRestart()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["true"], RestartPolicy = new RestartPolicy("on-failure") }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal(ContainerStatus.Exited, (await h.StateAsync("c")).Status);
    }

    [Fact]
    public async Task Always_OomKill_Restarts_ButStopOrKillByTheUserDoesNot()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], RestartPolicy = new RestartPolicy("always") }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        h.Engine.Faults.OomKill("c");
        h.Time.Advance(TimeSpan.FromMilliseconds(100));
        var state = await h.StateAsync("c");
        Assert.Equal(ContainerStatus.Running, state.Status);
        Assert.True(state.OomKilled);

        await h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token);
        Assert.Equal(ContainerStatus.Exited, (await h.StateAsync("c")).Status);
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task Stop_DuringBackoff_CancelsTheRestart()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["false"], RestartPolicy = new RestartPolicy("always") }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token));
        await h.Engine.StopContainerAsync("c", cancellationToken: Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ContainerStatus.Exited, (await h.StateAsync("c")).Status);
    }

    [Fact]
    public async Task Wait_WithRestartPolicy_ReturnsAtTheNextExit()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sh", "-c", "sleep 1; exit 3"], RestartPolicy = new RestartPolicy("always") }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        var wait = h.Engine.WaitContainerAsync("c", Harness.Token);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await wait.Within());
    }
}

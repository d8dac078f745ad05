namespace Coxswain.Engine.Testing.Tests;

/// <summary>User-supplied programs: registered by image, name or rule, or resolved by the options.</summary>
public sealed class ProgramModelTests
{
    [Fact]
    public async Task ForImage_CustomProgram_RunsInsteadOfTheShell()
    {
        await using var h = new Harness();
        h.Engine.AddLocalImage("web:1", new ImageDefinition { Command = ["nginx"] });
        h.Engine.Programs.ForImage("web:1", ContainerPrograms.RunUntilStopped(exitCodeOnSignal: 0, "listening on :80"));
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "web", Image = "web:1" }, Harness.Token);
        await h.Engine.StartContainerAsync("web", Harness.Token);

        Assert.Equal(["listening on :80"], await h.StdoutAsync("web"));
        await h.Engine.StopContainerAsync("web", cancellationToken: Harness.Token).Within();
        Assert.Equal(0, await h.ExitCodeAsync("web"));
    }

    [Fact]
    public async Task RunUntilStopped_WithoutSignalHandling_IgnoresTermLikePid1()
    {
        await using var h = new Harness();
        h.Engine.Programs.ForContainer("svc", ContainerPrograms.RunUntilStopped());
        await h.RunAsync("svc", "anything");
        var stop = h.Engine.StopContainerAsync("svc", TimeSpan.FromSeconds(3), Harness.Token);
        await h.Time.WaitForTimersAsync(1, Harness.Token).Within();
        h.Time.Advance(TimeSpan.FromSeconds(3));
        await stop.Within();
        Assert.Equal(137, await h.ExitCodeAsync("svc"));
    }

    [Fact]
    public async Task Exit_AfterDelay_ExitsWithTheCodeOnTheEnginesClock()
    {
        await using var h = new Harness();
        h.Engine.Programs.When(spec => spec.Labels.ContainsKey("flaky"), ContainerPrograms.Exit(2, TimeSpan.FromSeconds(30), "starting", "crashing"));
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["x"], Labels = new Dictionary<string, string> { ["flaky"] = "" } }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await h.StateAsync("c")).ExitCode);
        Assert.Equal(["starting", "crashing"], await h.StdoutAsync("c"));
    }

    [Fact]
    public async Task FromDelegate_SeesItsProcessAndReceivesSignals()
    {
        await using var h = new Harness();
        var seen = new List<string>();
        h.Engine.Programs.ForContainer("c", ContainerPrograms.FromDelegate(async (process, ct) =>
        {
            process.WriteLine($"{process.ContainerName} {process.Hostname} {string.Join(' ', process.Arguments)} {process.Environment["A"]} pid1={process.IsPid1}");
            process.WriteErrorLine("to stderr");
            await foreach (var signal in process.Signals.ReadAllAsync(ct))
            {
                seen.Add(signal);
                if (signal == "SIGUSR1")
                {
                    return 12;
                }
            }

            return 0;
        }));
        await h.Engine.CreateContainerAsync(new ContainerSpec
        {
            Name = "c",
            Image = Harness.Image,
            Hostname = "box",
            Command = ["serve", "--fast"],
            Environment = new Dictionary<string, string> { ["A"] = "1" },
        }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        await h.Engine.KillContainerAsync("c", "HUP", Harness.Token);
        await h.Engine.KillContainerAsync("c", "USR1", Harness.Token);

        Assert.Equal(12, await h.ExitCodeAsync("c"));
        Assert.Equal(["SIGHUP", "SIGUSR1"], seen);
        Assert.Equal(["c box serve --fast 1 pid1=True"], await h.StdoutAsync("c"));
        Assert.Equal(["to stderr"], await h.StderrAsync("c"));
    }

    [Fact]
    public async Task Program_Throwing_ExitsOneWithTheErrorOnStderr()
    {
        await using var h = new Harness();
        h.Engine.Programs.ForContainer("c", ContainerPrograms.FromDelegate((_, _) => throw new InvalidOperationException("boom")));
        await h.RunAsync("c", "x");
        Assert.Equal(1, await h.ExitCodeAsync("c"));
        Assert.Contains("InvalidOperationException: boom", Assert.Single(await h.StderrAsync("c")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ProgramResolver_UsedWhenNoRegistrationMatches()
    {
        var resolver = (ContainerSpec spec) => spec.Image == "special:1" ? ContainerPrograms.Exit(9) : null;
        await using var h = new Harness(new InMemoryEngineOptions { ProgramResolver = resolver });
        h.Engine.AddLocalImage("special:1");
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "s", Image = "special:1" }, Harness.Token);
        await h.Engine.StartContainerAsync("s", Harness.Token);
        await h.RunAsync("plain", "sh", "-c", "exit 4");
        Assert.Equal(9, await h.ExitCodeAsync("s"));
        Assert.Equal(4, await h.ExitCodeAsync("plain"));
    }

    [Fact]
    public async Task Registrations_LatestWins_ClearFallsBackToTheShell()
    {
        await using var h = new Harness();
        h.Engine.Programs.ForImage(Harness.Image, ContainerPrograms.Exit(1));
        h.Engine.Programs.ForImage(Harness.Image, ContainerPrograms.Exit(2));
        await h.RunAsync("a", "true");
        Assert.Equal(2, await h.ExitCodeAsync("a"));
        h.Engine.Programs.Clear();
        await h.Engine.StartContainerAsync("a", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("a"));
    }

    [Fact]
    public async Task Advance_RunsTheProgramInline_StateIsVisibleWhenAdvanceReturns()
    {
        await using var h = new Harness();
        await h.RunShellAsync("c", "sleep 1; echo tick; sleep 1; exit 3");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["tick"], await h.StdoutAsync("c"));
        Assert.Equal(1, h.Time.PendingTimerCount);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var state = await h.StateAsync("c");
        Assert.Equal(ContainerStatus.Exited, state.Status);
        Assert.Equal(3, state.ExitCode);
    }
}

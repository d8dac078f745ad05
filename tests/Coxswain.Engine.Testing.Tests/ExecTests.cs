namespace Coxswain.Engine.Testing.Tests;

public sealed class ExecTests
{
    [Fact]
    public async Task Exec_ShellCommand_OutputAndExitCode()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var result = await h.Engine.ExecAsync("c", new ExecSpec(["sh", "-c", "echo hi; echo warn >&2; exit 3"]), cancellationToken: Harness.Token).Within();
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal("warn\n", result.Stderr);
        Assert.Empty(await h.LogsAsync("c"));
    }

    [Fact]
    public async Task Exec_SeesTheContainersAndItsOwnEnvironment()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = Harness.Image, Command = ["sleep", "300"], Environment = new Dictionary<string, string> { ["A"] = "1" } }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        var spec = new ExecSpec(["sh", "-c", "echo $A $B"]) { Environment = new Dictionary<string, string> { ["B"] = "2" } };
        Assert.Equal("1 2\n", (await h.Engine.ExecAsync("c", spec, cancellationToken: Harness.Token).Within()).Stdout);
    }

    [Fact]
    public async Task Exec_NotRunning_Conflict()
    {
        await using var h = new Harness();
        var id = await h.CreateAsync("c", "true");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.CreateExecAsync("c", new ExecSpec(["true"]), Harness.Token));
        Assert.Equal($"Container {id} is not running", error.EngineMessage);
    }

    [Fact]
    public async Task Exec_UnknownCommand_FailsAsDockerDoesWithAHint()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var direct = await h.Engine.ExecAsync("c", new ExecSpec(["pg_isready"]), cancellationToken: Harness.Token).Within();
        Assert.Equal(126, direct.ExitCode);
        Assert.StartsWith("OCI runtime exec failed: exec failed: unable to start container process: exec: \"pg_isready\": executable file not found in $PATH", direct.Stdout, StringComparison.Ordinal);
        Assert.Contains("engine.Exec.Script", direct.Stdout, StringComparison.Ordinal);

        var scripted = await h.Engine.ExecAsync("c", new ExecSpec(["sh", "-c", "pg_isready"]), cancellationToken: Harness.Token).Within();
        Assert.Equal(127, scripted.ExitCode);
        Assert.StartsWith("sh: pg_isready: not found", scripted.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_Scripted_AnswersWithDelayOnTheEnginesClock()
    {
        await using var h = new Harness();
        await h.RunAsync("db", "postgres");
        var script = h.Engine.Exec.Script("db", cmd => cmd.Contains("pg_isready"),
            new ScriptedExecResult(0, "accepting connections\n") { Delay = TimeSpan.FromSeconds(2) });

        var exec = h.Engine.ExecAsync("db", new ExecSpec(["pg_isready", "-U", "app"]), cancellationToken: Harness.Token);
        await h.Time.WaitForTimersAsync(1, Harness.Token).Within();
        await Bounded.AssertPendingAsync(exec);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        var result = await exec.Within();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("accepting connections\n", result.Stdout);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task Exec_ScriptedByFunction_LatestScriptWinsAndRemovalFallsBack()
    {
        await using var h = new Harness();
        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "web", Image = Harness.Image, Command = ["httpd", "-f"], Labels = new Dictionary<string, string> { ["probe"] = "yes" } }, Harness.Token);
        await h.Engine.StartContainerAsync("web", Harness.Token);
        var calls = 0;
        h.Engine.Exec.Script(r => r.Labels.ContainsKey("probe"), r => new ScriptedExecResult(++calls, Stderr: $"attempt {calls} of {r.CommandText}"));
        var latest = h.Engine.Exec.Script(cmd => cmd[0] == "wget", ScriptedExecResult.Success("ok"));

        Assert.Equal("ok", (await h.Engine.ExecAsync("web", new ExecSpec(["wget", "-q", "localhost"]), cancellationToken: Harness.Token).Within()).Stdout.Trim());
        latest.Remove();
        var failed = await h.Engine.ExecAsync("web", new ExecSpec(["wget", "-q", "localhost"]), cancellationToken: Harness.Token).Within();
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("attempt 1 of wget -q localhost", failed.Stderr.Trim());
    }

    [Fact]
    public async Task Exec_ContainerStopsMeanwhile_ExecIsKilled()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var exec = h.Engine.ExecAsync("c", new ExecSpec(["sleep", "100"]), cancellationToken: Harness.Token);
        await h.Time.WaitForTimersAsync(2, Harness.Token).Within();
        await h.Engine.KillContainerAsync("c", cancellationToken: Harness.Token);
        Assert.Equal(137, (await exec.Within()).ExitCode);
    }

    [Fact]
    public async Task ExecInstances_InspectBeforeAndAfter_StartTwiceConflicts_UnknownNotFound()
    {
        await using var h = new Harness();
        await h.RunAsync("c", "sleep", "300");
        var id = await h.Engine.CreateExecAsync("c", new ExecSpec(["true"]), Harness.Token);
        Assert.Equal(new ExecInfo(id, false, null), await h.Engine.InspectExecAsync(id, Harness.Token));
        await foreach (var _ in h.Engine.StartExecAsync(id, Harness.Token).Within())
        {
        }

        Assert.Equal(new ExecInfo(id, false, 0), await h.Engine.InspectExecAsync(id, Harness.Token));
        await Assert.ThrowsAsync<EngineConflictException>(async () =>
        {
            await foreach (var _ in h.Engine.StartExecAsync(id, Harness.Token))
            {
            }
        });
        var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectExecAsync("nope", Harness.Token));
        Assert.Equal("exec", missing.ResourceKind);
        Assert.Equal("No such exec instance: nope", missing.EngineMessage);
    }
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Running commands in containers.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task Exec_Command_ExitCodeAndSeparatedOutput()
    {
        var id = await RunAsync(Spec("exec", Sleeper));

        var result = await Engine.ExecAsync(id, new ExecSpec(["sh", "-c", "echo hi; echo oops >&2; echo there; exit 5"]), TimeSpan.FromSeconds(30), cancellationToken: Ct).Within();

        Assert.Equal(5, result.ExitCode);
        Assert.Equal(["hi", "there"], Lines(result.Stdout));
        Assert.Equal(["oops"], Lines(result.Stderr));
    }

    [Fact]
    public async Task Exec_Steps_InspectShowsExitCodeAfterTheOutputEnds()
    {
        var id = await RunAsync(Spec("execsteps", Sleeper));

        var execId = await Engine.CreateExecAsync(id, new ExecSpec(["sh", "-c", "echo step; exit 9"]), Ct).Within();
        var output = await Bounded.CollectAsync(t => Engine.StartExecAsync(execId, t), TimeSpan.FromSeconds(30), what: "exec output");
        var info = await Engine.InspectExecAsync(execId, Ct).Within();

        Assert.Equal(["step"], output.Select(l => l.Text));
        Assert.Equal(LogStream.Stdout, Assert.Single(output).Stream);
        Assert.False(info.Running);
        Assert.Equal(9, info.ExitCode);
    }

    [Fact]
    public async Task Exec_EnvironmentAndWorkingDirectory_Applied()
    {
        var id = await RunAsync(Spec("execenv", Sleeper));
        var spec = new ExecSpec(["sh", "-c", "echo \"$WHO\"; pwd"])
        {
            Environment = new Dictionary<string, string> { ["WHO"] = "cox" },
            WorkingDirectory = "/tmp",
        };

        var result = await Engine.ExecAsync(id, spec, TimeSpan.FromSeconds(30), cancellationToken: Ct).Within();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["cox", "/tmp"], Lines(result.Stdout));
    }

    [Fact]
    public async Task Exec_StoppedContainer_Conflict()
    {
        // Podman answers 500 "container state improper"; the client reports it as a conflict like Docker's 409.
        var id = await RunAsync(Spec("execstopped", "true"));
        await Engine.WaitContainerAsync(id, Ct).Within();

        await AssertConflictAsync(() => Engine.CreateExecAsync(id, new ExecSpec(["true"]), Ct));
    }

    [Fact]
    public async Task Exec_MissingContainer_NotFoundContainer()
    {
        await AssertNotFoundAsync("container", () => Engine.CreateExecAsync(Scope.Name("missing"), new ExecSpec(["true"]), Ct));
    }

    [Fact]
    public async Task Exec_HangingCommandWithTimeout_TimeoutException()
    {
        var id = await RunAsync(Spec("exechang", Sleeper));

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Engine.ExecAsync(id, new ExecSpec(["sleep", "30"]), TimeSpan.FromSeconds(1), cancellationToken: Ct).Within());
        elapsed.Stop();

        Assert.Contains("sleep 30", error.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(15));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

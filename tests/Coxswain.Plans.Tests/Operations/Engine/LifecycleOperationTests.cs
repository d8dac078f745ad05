namespace Coxswain.Plans.Tests.Operations.Engine;

public sealed class LifecycleOperationTests
{
    private const string Setup = $$"""
        tasks:
          web: { type: container, name: web, image: {{EngineHarness.BusyboxImage}}, command: "trap 'exit 0' TERM; sleep 3000 & wait" }
        """;

    [Fact]
    public async Task Stop_Running_StoppedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);
        const string Yaml = "tasks:\n  halt: { type: stop, container: web, stop_timeout: 5s }\n";

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal((PlanTaskStatus.Changed, "stopped web"), (first["halt"].Status, first["halt"].Message));
        Assert.Equal((PlanTaskStatus.Unchanged, "web is not running"), (second["halt"].Status, second["halt"].Message));
    }

    [Fact]
    public async Task Remove_Existing_RemovedChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);
        const string Yaml = "tasks:\n  rm: { type: remove, container: web }\n";

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal((PlanTaskStatus.Changed, "removed web"), (first["rm"].Status, first["rm"].Message));
        Assert.Equal((PlanTaskStatus.Unchanged, "web does not exist"), (second["rm"].Status, second["rm"].Message));
        Assert.Empty(await h.Engine.ListContainersAsync(cancellationToken: Drive.Token));
    }

    [Fact]
    public async Task Restart_AlwaysChanged_AndOnlyIfChangedSkipsIt()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);
        const string Yaml = """
            tasks:
              config: { type: noop, changed: ${changed} }
              restart: { type: restart, container: web, depends_on: config, only_if_changed: true }
            """;

        var changed = await h.RunAsync(Yaml.Replace("${changed}", "true", StringComparison.Ordinal));
        var unchanged = await h.RunAsync(Yaml.Replace("${changed}", "false", StringComparison.Ordinal));

        Assert.Equal(PlanTaskStatus.Changed, changed["restart"].Status);
        Assert.Equal(PlanTaskStatus.Skipped, unchanged["restart"].Status);
    }

    [Fact]
    public async Task Exec_WithCreates_RunsOnceChanged_ThenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);
        const string Yaml = """
            tasks:
              configure:
                type: exec
                container: web
                command: "echo hello > /tmp/index.html && touch /tmp/.configured"
                creates: /tmp/.configured
            """;

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);
        var content = await Coxswain.Engine.ExecExtensions.ExecAsync(h.Engine, "web", new Coxswain.Engine.ExecSpec(["cat", "/tmp/index.html"]), cancellationToken: Drive.Token);

        Assert.Equal(PlanTaskStatus.Changed, first["configure"].Status);
        Assert.Equal((PlanTaskStatus.Unchanged, "'/tmp/.configured' exists in web"), (second["configure"].Status, second["configure"].Message));
        Assert.Equal("hello\n", content.Stdout);
    }

    [Fact]
    public async Task Exec_WithoutGuard_AlwaysChanged_ChangedWhenDecides()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);
        const string Yaml = """
            tasks:
              always: { type: exec, container: web, command: "echo hi" }
              never: { type: exec, container: web, argv: [echo, hi], changed_when: false }
              output: { type: exec, container: web, command: "echo same", changed_when: { stdout_contains: updated } }
            """;

        var first = await h.RunAsync(Yaml);
        var second = await h.RunAsync(Yaml);

        Assert.Equal(PlanTaskStatus.Changed, first["always"].Status);
        Assert.Equal(PlanTaskStatus.Changed, second["always"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["never"].Status);
        Assert.Equal(PlanTaskStatus.Unchanged, second["output"].Status);
    }

    [Fact]
    public async Task Exec_NonZeroExit_FailsWithOutputTail()
    {
        await using var h = new EngineHarness();
        await h.RunAsync(Setup);

        var report = await h.RunAsync("tasks:\n  bad: { type: exec, container: web, command: 'echo oops >&2; exit 4' }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["bad"].Status);
        Assert.Contains("exit code 4", report["bad"].Error, StringComparison.Ordinal);
        Assert.Contains("oops", report["bad"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_ContainerMissing_FailsSayingItMustRun()
    {
        await using var h = new EngineHarness();

        var report = await h.RunAsync("tasks:\n  x: { type: exec, container: ghost, command: 'true' }\n");

        Assert.Equal(PlanTaskStatus.Failed, report["x"].Status);
        Assert.Contains("The container must exist and be running", report["x"].Error, StringComparison.Ordinal);
    }
}

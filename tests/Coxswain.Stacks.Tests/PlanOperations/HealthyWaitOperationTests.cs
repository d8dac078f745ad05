using Coxswain.Engine;
using Coxswain.Plans;
using Coxswain.Plans.Operations;
using Coxswain.Plans.Operations.Engine;
using Coxswain.Plans.Yaml;
using Coxswain.Stacks.PlanOperations;
using Xunit;

namespace Coxswain.Stacks.Tests.PlanOperations;

/// <summary>The plan task <c>wait</c> with <c>for: healthy</c>, on the in-memory engine and a manual clock.</summary>
public sealed class HealthyWaitOperationTests : IEngineResolver, IAsyncDisposable
{
    private readonly HealthTestKit kit = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cox-healthy-wait-tests", Guid.NewGuid().ToString("N"));

    public HealthyWaitOperationTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Healthy_ProbePassesAfterTwoFailures_UnchangedOnceItPasses()
    {
        await kit.RunContainerAsync("web");
        kit.ScriptProbe("web", "FFP");

        var report = await DriveAsync(Load("tasks:\n  up: { type: wait, for: healthy, container: web, test: check, interval: 2s }\n").RunAsync(HealthTestKit.Token));

        Assert.Equal(PlanTaskStatus.Unchanged, report["up"].Status);
        Assert.StartsWith("container web healthy after ", report["up"].Message, StringComparison.Ordinal);
        Assert.True(kit.At(kit.Time.GetUtcNow()) >= 6, $"three probes two seconds apart end at 6 s or later, not {kit.At(kit.Time.GetUtcNow())} s");
    }

    [Fact]
    public async Task Healthy_ProbeFailsRetriesTimes_FailsWithTheProbeOutput()
    {
        await kit.RunContainerAsync("web");
        kit.ScriptProbe("web", "F");

        var report = await DriveAsync(Load("tasks:\n  up: { type: wait, for: healthy, container: web, test: check, probe_retries: 2 }\n").RunAsync(HealthTestKit.Token));

        Assert.Equal(PlanTaskStatus.Failed, report["up"].Status);
        Assert.Contains("Task 'up': ", report["up"].Error, StringComparison.Ordinal);
        Assert.Contains("unhealthy: 2 probes failed in a row", report["up"].Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", report["up"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthy_ContainerExitsWhileStarting_FailsWithItsLogTail()
    {
        await kit.RunContainerAsync("web", "echo cannot bind 0.0.0.0:80; sleep 1; exit 4");
        kit.ScriptProbe("web", "F");

        var report = await DriveAsync(Load("tasks:\n  up: { type: wait, for: healthy, container: web, test: check }\n").RunAsync(HealthTestKit.Token));

        Assert.Equal(PlanTaskStatus.Failed, report["up"].Status);
        Assert.Contains("exited with code 4", report["up"].Error, StringComparison.Ordinal);
        Assert.Contains("cannot bind 0.0.0.0:80", report["up"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthy_NeverHealthyWithinTheLimit_FailsWithTimeout()
    {
        await kit.RunContainerAsync("web");
        kit.ScriptProbe("web", "F");

        var report = await DriveAsync(Load("tasks:\n  up: { type: wait, for: healthy, container: web, test: check, probe_retries: 100, within: 5s }\n").RunAsync(HealthTestKit.Token));

        Assert.Equal(PlanTaskStatus.Failed, report["up"].Status);
        Assert.Contains("5 s", report["up"].Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", report["up"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_Healthy_SaysWaitingChangesNothing()
    {
        await kit.RunContainerAsync("web");

        var dry = await Load("tasks:\n  up: { type: wait, for: healthy, container: web, test: check }\n").DryRunAsync(HealthTestKit.Token).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);

        Assert.Equal(DryRunOutcome.NoChange, Assert.Single(dry.Tasks).Outcome);
    }

    [Fact]
    public async Task OtherConditions_StillReadByTheEngineFactory()
    {
        await kit.RunContainerAsync("web");

        var report = await DriveAsync(Load("tasks:\n  up: { type: wait, for: running, container: web }\n").RunAsync(HealthTestKit.Token));

        Assert.Equal(PlanTaskStatus.Unchanged, report["up"].Status);
    }

    [Theory]
    [InlineData("{ type: wait, for: healthy, test: check }", "'container'")]
    [InlineData("{ type: wait, for: healthy, container: web, probe_retries: 2 }", "'probe_retries' sets Coxswain's probe, which needs 'test'")]
    [InlineData("{ type: wait, for: healthy, container: web, test: [NONE] }", "'test: [NONE]' disables the probe")]
    [InlineData("{ type: wait, for: healthy, container: web, test: check, interval: 0s }", "'interval' must be a positive duration.")]
    [InlineData("{ type: wait, for: helthy, container: web }", "'for' must be one of healthy, running, exit, log, port; not 'helthy'.")]
    public void Load_BadHealthyWait_NamesTheKey(string task, string expected)
    {
        var ex = Assert.Throws<PlanValidationException>(() => Load("tasks:\n  up: " + task + "\n"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    public ValueTask<IEngineClient> GetEngineAsync(string? target, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IEngineClient>(kit.Engine);

    public async ValueTask DisposeAsync()
    {
        await kit.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Runs the plan to its end, moving the manual clock to the next timer once the waiter and the probe runner both
    /// wait on one (or, after a container ended and its probe runner with it, once only one timer is left for a while).
    /// </summary>
    private async Task<T> DriveAsync<T>(Task<T> run)
    {
        while (!run.IsCompleted)
        {
            var both = kit.Time.WaitForTimersAsync(2, HealthTestKit.Token);
            var settled = Task.Delay(TimeSpan.FromMilliseconds(200), HealthTestKit.Token);
            var first = await Task.WhenAny(run, both, settled).WaitAsync(HealthTestKit.Bound, HealthTestKit.Token);
            if (first != run && kit.Time.PendingTimerCount > 0)
            {
                kit.Time.AdvanceToNextTimer();
            }
        }

        return await run;
    }

    private Plan Load(string yaml)
    {
        var file = Path.Combine(folder, "plan.yaml");
        File.WriteAllText(file, yaml);
        return YamlPlanLoader.LoadFile(file, new YamlPlanLoadOptions
        {
            Operations = StackPlanOperations.Register(EngineOperations.Register(OperationRegistry.CreateDefault())),
            PlanOptions = new PlanOptions { Engines = this, TimeProvider = kit.Time },
        }).Plan;
    }
}

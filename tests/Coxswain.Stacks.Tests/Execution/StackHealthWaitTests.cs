using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Execution;

/// <summary>depends_on service_healthy: Coxswain probes the dependency on the engine's clock before starting the dependent.</summary>
public sealed class StackHealthWaitTests
{
    private const string Compose = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "echo starting; sleep 1000"]
            healthcheck:
              test: ["CMD", "probe"]
              interval: 1s
              start_interval: 1s
              retries: 2
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            depends_on:
              db:
                condition: service_healthy
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_DependencyBecomesHealthy_StartsTheDependentAfterIt()
    {
        var time = new ManualTimeProvider();
        await using var engine = new InMemoryEngine(time);
        engine.AddLocalImage("busybox:test");
        engine.Exec.Script(cmd => cmd.Contains("probe"), ScriptedExecResult.Success("ok"));
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Compose));

        var result = await RunWithClockAsync(time, StackRunner.UpAsync(engine, desired, null, new StackExecutorOptions { TimeProvider = time }, Ct), timers: 3);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True((await engine.InspectContainerAsync("demo-web-1", Ct)).State.Running);
    }

    [Fact]
    public async Task Up_DependencyExitsWhileWaited_ReportsExitCodeAndLogTailAndCreatesNoDependent()
    {
        var time = new ManualTimeProvider();
        await using var engine = new InMemoryEngine(time);
        engine.AddLocalImage("busybox:test");
        engine.Exec.Script(cmd => cmd.Contains("probe"), ScriptedExecResult.Failure(1, "not yet"));
        var desired = DesiredStateBuilder.Build(TestProjects.Load(Compose.Replace("echo starting; sleep 1000", "echo starting; sleep 1; echo fatal: disk full; exit 4", StringComparison.Ordinal)));

        var result = await RunWithClockAsync(time, StackRunner.UpAsync(engine, desired, null, new StackExecutorOptions { TimeProvider = time }, Ct), timers: 1);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("wait for db healthy:", error, StringComparison.Ordinal);
        Assert.Contains("4", error, StringComparison.Ordinal);
        Assert.Contains("fatal: disk full", error, StringComparison.Ordinal);
        Assert.Equal(["demo-db-1"], result.RolledBack);
        Assert.Empty(await engine.ListContainersAsync(new ContainerListOptions(), Ct));
    }

    /// <summary>Advances the clock whenever the run waits on at least <paramref name="timers"/> timers (the db's sleep, the waiter's poll, the probe's
    /// interval: the probe runs on a background task, so the clock must not move before its timer is set).</summary>
    private static async Task<T> RunWithClockAsync<T>(ManualTimeProvider time, Task<T> running, int timers)
    {
        for (var i = 0; i < 2000 && !running.IsCompleted; i++)
        {
            await Task.WhenAny(running, time.WaitForTimersAsync(timers, Ct)).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            if (!running.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        if (!running.IsCompleted)
        {
            throw new InvalidOperationException($"not done at {time.GetUtcNow()}: {time.PendingTimerCount} timers, next in {time.TimeUntilNextTimer}");
        }

        return await running.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}

using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>
/// <c>cox matrix</c> on a real engine, end to end through the command: the example matrix, fail-fast, a deadline, and SIGINT.
/// Every scenario uses its own copy of the example with a unique name, and checks that no container is left.
/// </summary>
public abstract class MatrixScenarios(MatrixEngineFixture fixture)
{
    [Fact]
    public async Task Example_EndToEnd_PassesWithFlakyRetriedValidSummariesAndNothingLeft()
    {
        await using var matrix = new ScenarioMatrix(fixture, "example");

        using var run = await matrix.RunAsync();

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("PASSED (4 passed)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cachyos      attempt 1 failed; retrying in 1s", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(await matrix.ContainersAsync());
        using var aggregate = matrix.Aggregate();
        Assert.Equal(0, aggregate.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(2, ScenarioMatrix.TargetOf(aggregate, "cachyos").GetProperty("attempts").GetInt32());
        var manjaro = ScenarioMatrix.TargetOf(aggregate, "manjaro").GetProperty("suites").EnumerateArray().Last();
        Assert.Equal("fail", manjaro.GetProperty("expect").GetString());
        foreach (var target in new[] { "arch", "manjaro", "cachyos", "endeavouros" })
        {
            var summaries = Directory.GetFiles(Path.Combine(matrix.LogsDirectory, target), "*-summary.json");
            Assert.Equal(target == "cachyos" ? 2 : 1, summaries.Length);
            Assert.All(summaries, s => SummarySchema.Validate(s, target));
            Assert.Equal(summaries.Length, Directory.GetFiles(Path.Combine(matrix.LogsDirectory, target), "*.cid").Length);
        }

        using var again = await matrix.RunAsync("-q", "--targets", "arch");
        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.Equal(3, again.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // headline, one target, the summary path
    }

    [Fact]
    public async Task FailFast_FirstFailureStopsTheRunningTargetAndSkipsTheQueuedOne()
    {
        await using var matrix = new ScenarioMatrix(fixture, "failfast");
        matrix.SetTargets("bad", "slow", "queued");
        matrix.WriteTestScript("case $COX_TARGET in\n  bad) sleep 2; echo 'FAIL unit'; exit 1 ;;\n  *) echo 'PB> 1/1 sleeping'; sleep 120 ;;\nesac\n");

        using var run = await matrix.RunAsync("--retries", "0", "--concurrency", "2");

        Assert.True(run.ExitCode == 1, run.Describe());
        using var aggregate = matrix.Aggregate();
        Assert.Equal("failed", ScenarioMatrix.TargetOf(aggregate, "bad").GetProperty("status").GetString());
        Assert.Equal("cancelled", ScenarioMatrix.TargetOf(aggregate, "slow").GetProperty("status").GetString());
        Assert.Equal("cancelled", ScenarioMatrix.TargetOf(aggregate, "queued").GetProperty("status").GetString());
        Assert.Equal(0, ScenarioMatrix.TargetOf(aggregate, "queued").GetProperty("attempts").GetInt32());
        Assert.Equal(["slow", "queued"], aggregate.RootElement.GetProperty("cancelled").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("cancelled: slow, queued", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(await matrix.ContainersAsync());
    }

    [Fact]
    public async Task HungTarget_IsKilledAtItsDeadline()
    {
        await using var matrix = new ScenarioMatrix(fixture, "hang");
        matrix.SetTargets("hang");
        matrix.WriteTestScript("echo 'PB> 1/1 hanging'\nsleep 300\n");

        using var run = await matrix.RunAsync("--retries", "0", "--timeout", "3s");

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("timed out after 3s (--timeout)", run.Stdout, StringComparison.Ordinal);
        using var aggregate = matrix.Aggregate();
        var hang = ScenarioMatrix.TargetOf(aggregate, "hang");
        Assert.Equal("timed_out", hang.GetProperty("status").GetString());
        Assert.Equal(137, hang.GetProperty("exit_code").GetInt32()); // sh as PID 1 ignores SIGTERM: killed after the 10 s grace
        Assert.Empty(await matrix.ContainersAsync());
    }

    [Fact]
    public async Task Sigint_WhileRunning_StopsRemovesAndExits130()
    {
        await using var matrix = new ScenarioMatrix(fixture, "sigint");
        matrix.SetTargets("one", "two");
        matrix.WriteTestScript("trap 'echo got TERM; exit 143' TERM\necho 'PB> 1/1 waiting'\nwhile true; do sleep 1; done\n");

        using var run = CoxRun.Start(matrix.Directory, matrix.Args());
        var waited = TimeProvider.System.GetTimestamp();
        while ((await matrix.ContainersAsync()).Count < 2 || !run.Stdout.Contains("[1/1] waiting", StringComparison.Ordinal))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(waited) < TimeSpan.FromMinutes(2), $"the containers did not start:\n{run.Describe()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken); // polling a real engine
        }

        run.Interrupt();
        await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 130, run.Describe());
        Assert.Empty(await matrix.ContainersAsync());
        using var aggregate = matrix.Aggregate();
        Assert.True(aggregate.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.Equal(["one", "two"], aggregate.RootElement.GetProperty("cancelled").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Shell_RunsOneShellWithTheTargetsMountsAndEnvironment_ItsExitCodeAndNothingLeft()
    {
        await using var matrix = new ScenarioMatrix(fixture, "shell");

        using var run = await matrix.RunWithInputAsync("echo \"in $(pwd) as $TEST_FILTER\"; ls /workspace/test.sh; echo oops >&2; exit 7\n", "--shell", "--targets", "arch", "--test-filter", "smoke");

        Assert.True(run.ExitCode == 7, run.Describe());
        Assert.Contains("in /workspace as smoke", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("/workspace/test.sh", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("oops", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(await matrix.ContainersAsync());
    }

    [Fact]
    public async Task MissingDockerfile_FailsBeforeAnythingRunsWithAClearMessage()
    {
        await using var matrix = new ScenarioMatrix(fixture, "nodockerfile");
        File.Delete(Path.Combine(matrix.Directory, "Dockerfile"));

        using var run = await matrix.RunAsync();

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("target 'arch': the Dockerfile", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class MatrixRunnerTests
{
    private static readonly MatrixSettings NoRetries = new() { Retries = 0 };

    [Fact]
    public async Task RunAsync_AllTargetsPass_ExitZeroSummariesOnDiskNothingLeft()
    {
        await using var kit = new MatrixKit();
        foreach (var target in new[] { "arch", "manjaro" })
        {
            kit.Program(target, ContainerPrograms.Exit(0, null, "PB> 1/2 unit", "PASS unit", "PB> 2/2 pkg", target == "manjaro" ? "XFAIL pkg" : "PASS pkg"));
        }

        var result = await MatrixKit.Bounded(kit.RunAsync(kit.Definition(new MatrixSettings(), "arch", "manjaro")));

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Targets, t => Assert.Equal(TargetStatus.Passed, t.Status));
        Assert.Empty(await kit.ContainersAsync());
        var manjaro = result.Targets[1];
        Assert.Equal([new SuiteResult("unit", SuiteStatus.Pass), new SuiteResult("pkg", SuiteStatus.Fail, true)], manjaro.Suites);
        var summaryPath = Assert.Single(manjaro.Summaries);
        Assert.StartsWith(Path.Combine(kit.Folder.Path, "logs", "manjaro", "demo-manjaro-"), summaryPath, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath, TestContext.Current.CancellationToken));
        Assert.Equal("manjaro", summary.RootElement.GetProperty("distro").GetString());
        Assert.Equal(0, summary.RootElement.GetProperty("exit_code").GetInt32());
        var stdoutLog = summary.RootElement.GetProperty("log_paths").GetProperty("stdout").GetString()!;
        Assert.Contains("XFAIL pkg", await File.ReadAllTextAsync(stdoutLog, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var cid = Directory.GetFiles(Path.Combine(kit.Folder.Path, "logs", "manjaro"), "*.cid");
        Assert.Equal(summary.RootElement.GetProperty("container_id").GetString() + "\n", await File.ReadAllTextAsync(Assert.Single(cid), TestContext.Current.CancellationToken));
        Assert.True(File.Exists(result.AggregatePath), $"no aggregate at {result.AggregatePath}");
        Assert.Contains("arch     [2/2] pkg", kit.Sink.Out);
    }

    [Fact]
    public async Task RunAsync_FlakyTarget_PassesOnRetryAfterTheBackoff()
    {
        await using var kit = new MatrixKit();
        var attempts = 0;
        kit.Program("cachyos", ContainerPrograms.FromDelegate((p, _) =>
        {
            var first = Interlocked.Increment(ref attempts) == 1;
            p.WriteLine(first ? "FAIL net" : "PASS net");
            return Task.FromResult(first ? 1 : 0);
        }));
        var started = kit.Time.GetUtcNow();

        var run = kit.RunAsync(kit.Definition(new MatrixSettings { Retries = 2, Backoff = TimeSpan.FromSeconds(5) }, "cachyos"));
        await kit.AdvanceWhenDueAsync(TimeSpan.FromSeconds(5), run);
        var result = await MatrixKit.Bounded(run);

        var target = Assert.Single(result.Targets);
        Assert.Equal(TargetStatus.Passed, target.Status);
        Assert.Equal(2, target.Attempts);
        Assert.Equal(2, target.Summaries.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), kit.Time.GetUtcNow() - started);
        Assert.Contains(kit.Sink.Out, l => l.Contains("attempt 1 failed; retrying in 5s", StringComparison.Ordinal));
        Assert.Empty(await kit.ContainersAsync());
    }

    [Fact]
    public async Task RunAsync_FailFast_StopsTheRunningTargetAndNeverStartsTheQueuedOne()
    {
        await using var kit = new MatrixKit();
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Program("bad", ContainerPrograms.FromDelegate(async (p, ct) =>
        {
            await slowStarted.Task.WaitAsync(ct);
            p.WriteLine("FAIL unit");
            return 1;
        }));
        kit.Program("slow", ContainerPrograms.FromDelegate(async (p, ct) =>
        {
            slowStarted.TrySetResult();
            while (await p.Signals.ReadAsync(ct) is not ("SIGTERM" or "SIGINT"))
            {
            }

            return 143;
        }));

        var result = await MatrixKit.Bounded(kit.RunAsync(kit.Definition(NoRetries with { Concurrency = 2 }, "bad", "slow", "queued")));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([TargetStatus.Failed, TargetStatus.Cancelled, TargetStatus.Cancelled], result.Targets.Select(t => t.Status));
        Assert.Equal(["slow", "queued"], result.Cancelled);
        Assert.Contains("cancelled by fail-fast (stopped while running)", result.Targets[1].Error, StringComparison.Ordinal);
        Assert.Equal(143, result.Targets[1].ExitCode);
        Assert.Single(result.Targets[1].Summaries);
        Assert.Contains("never started", result.Targets[2].Error, StringComparison.Ordinal);
        Assert.Equal(0, result.Targets[2].Attempts);
        Assert.Empty(result.Targets[2].Summaries);
        Assert.Empty(await kit.ContainersAsync());
        Assert.Contains("cancelled: slow, queued", SummaryText.Lines(result));
    }

    [Fact]
    public async Task RunAsync_WithoutFailFast_RunsEveryTargetToItsEnd()
    {
        await using var kit = new MatrixKit();
        kit.Program("bad", ContainerPrograms.Exit(2));
        kit.Program("good", ContainerPrograms.Exit(0, null, "PASS unit"));

        var result = await MatrixKit.Bounded(kit.RunAsync(kit.Definition(NoRetries with { FailFast = false, Concurrency = 1 }, "bad", "good")));

        Assert.Equal([TargetStatus.Failed, TargetStatus.Passed], result.Targets.Select(t => t.Status));
        Assert.Contains("exited with code 2", result.Targets[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_HungTarget_IsStoppedAtItsDeadlineWithGraceAndRemoved()
    {
        await using var kit = new MatrixKit();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Program("hang", ContainerPrograms.FromDelegate(async (p, ct) =>
        {
            p.WriteLine("PB> 1/1 waiting forever");
            running.TrySetResult();
            while (true)
            {
                await p.Signals.ReadAsync(ct); // PID 1 without handlers: SIGTERM does nothing
            }
        }));

        var run = kit.RunAsync(kit.Definition(NoRetries with { Timeout = TimeSpan.FromMinutes(1) }, "hang"));
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await kit.AdvanceWhenDueAsync(TimeSpan.FromMinutes(1), run);
        await kit.AdvanceWhenDueAsync(MatrixSettings.StopGrace, run); // SIGKILL after the 10 s grace
        var result = await MatrixKit.Bounded(run);

        var target = Assert.Single(result.Targets);
        Assert.Equal(TargetStatus.TimedOut, target.Status);
        Assert.Equal(137, target.ExitCode);
        Assert.Contains("timed out after 1m (--timeout)", target.Error, StringComparison.Ordinal);
        Assert.Empty(await kit.ContainersAsync());
        Assert.Single(target.Summaries);
    }

    [Fact]
    public async Task RunAsync_ContainerCannotStart_SaysWhyWritesTheSummaryAndLeavesNothing()
    {
        await using var kit = new MatrixKit();
        var definition = kit.Definition(NoRetries, "arch");
        var tag = MatrixNames.ImageTag("demo", "arch", ContextHash.Compute(kit.Folder.Path, definition.Targets[0]));
        kit.Engine.Faults.FailStart(tag, "exec: \"/bin/sh\": no such file or directory");

        var result = await MatrixKit.Bounded(kit.RunAsync(definition));

        var target = Assert.Single(result.Targets);
        Assert.Equal(TargetStatus.Failed, target.Status);
        Assert.Contains("could not start: exec: \"/bin/sh\": no such file or directory", target.Error, StringComparison.Ordinal);
        Assert.Contains("Check the command (/bin/sh /workspace/test.sh)", target.Error, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Assert.Single(target.Summaries), TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("started_at").ValueKind);
        Assert.Empty(await kit.ContainersAsync());
    }

    [Fact]
    public async Task RunAsync_EngineDisappears_FailsClearlyWritesSummariesAndSaysWhatToRemove()
    {
        await using var kit = new MatrixKit();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Program("arch", ContainerPrograms.FromDelegate(async (p, ct) =>
        {
            running.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, p.TimeProvider, ct);
            return 0;
        }));

        var run = kit.RunAsync(kit.Definition(NoRetries, "arch"));
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        kit.Engine.Faults.Disconnect();
        var result = await MatrixKit.Bounded(run);

        var target = Assert.Single(result.Targets);
        Assert.Equal(TargetStatus.Failed, target.Status);
        Assert.Contains("no container engine answered", target.Error, StringComparison.Ordinal);
        Assert.Single(target.Summaries);
        Assert.True(File.Exists(result.AggregatePath));
        Assert.Contains(result.CleanupProblems, p => p.Contains("docker rm -f demo-arch-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Interrupted_StopsAndRemovesEverythingAndExits130()
    {
        await using var kit = new MatrixKit();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Program("arch", ContainerPrograms.FromDelegate(async (p, ct) =>
        {
            running.TrySetResult();
            while (await p.Signals.ReadAsync(ct) != "SIGTERM")
            {
            }

            return 143;
        }));
        using var interrupt = new CancellationTokenSource();

        var run = kit.RunAsync(kit.Definition(new MatrixSettings(), "arch", "manjaro"), interrupt);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await interrupt.CancelAsync();
        var result = await MatrixKit.Bounded(run);

        Assert.True(result.Interrupted);
        Assert.Equal(130, result.ExitCode);
        Assert.Equal(TargetStatus.Cancelled, result.Targets[0].Status);
        Assert.Contains("interrupted", result.Targets[0].Error, StringComparison.Ordinal);
        Assert.Empty(await kit.ContainersAsync());
        Assert.True(File.Exists(result.AggregatePath));
    }

    [Fact]
    public async Task RunAsync_SecondRunWithSameContext_ReusesTheImage()
    {
        await using var kit = new MatrixKit();
        kit.Program("arch", ContainerPrograms.Exit(0));
        var definition = kit.Definition(NoRetries, "arch");

        var first = await MatrixKit.Bounded(kit.RunAsync(definition));
        kit.Time.Advance(TimeSpan.FromSeconds(1)); // a new run id
        var second = await MatrixKit.Bounded(kit.RunAsync(definition));

        Assert.True(first.Targets[0].Built);
        Assert.False(second.Targets[0].Built);
        Assert.Equal(first.Targets[0].ImageDigest, second.Targets[0].ImageDigest);
        Assert.Contains(kit.Sink.Out, l => l.Contains("reusing demo-arch:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BuildFails_TargetFailsWithTheBuildOutputTail()
    {
        await using var kit = new MatrixKit();
        kit.Folder.Write("Dockerfile", "FROM cox-busybox:latest\nRUN echo preparing\nCOPY missing.txt /\n");

        var result = await MatrixKit.Bounded(kit.RunAsync(kit.Definition(NoRetries, "arch")));

        var target = Assert.Single(result.Targets);
        Assert.Equal(TargetStatus.Failed, target.Status);
        Assert.Contains("building demo-arch:", target.Error, StringComparison.Ordinal);
        Assert.Contains("last lines of build output", target.Error, StringComparison.Ordinal);
        Assert.Equal(0, target.Attempts);
    }

    [Fact]
    public async Task RunAsync_RunOnlyWithoutAnImage_FailsWithAHint()
    {
        await using var kit = new MatrixKit();

        var result = await MatrixKit.Bounded(kit.RunAsync(kit.Definition(NoRetries with { Run = true }, "arch")));

        Assert.Contains("--run alone does not build", result.Targets[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_Environment_OnlyDeclaredVariablesReachTheContainer()
    {
        await using var kit = new MatrixKit();
        IReadOnlyDictionary<string, string>? seen = null;
        kit.Program("arch", ContainerPrograms.FromDelegate((p, _) =>
        {
            seen = p.Spec.Environment;
            return Task.FromResult(0);
        }));
        var definition = kit.Definition(NoRetries with { Verbosity = Verbosity.Debug, TestFilter = "unit" }, "arch") with
        {
            Environment = new Dictionary<string, string> { ["EXTRA"] = "1" },
            LogLevel = new LogLevelVariable("TEST_LOG", "debug"),
            Caches = [new CacheDeclaration("pip", "/root/.cache/pip")],
        };

        await MatrixKit.Bounded(kit.RunAsync(definition));

        Assert.Equal(
            new Dictionary<string, string> { ["EXTRA"] = "1", ["VERBOSE"] = "3", ["COX_TARGET"] = "arch", ["TEST_FILTER"] = "unit", ["TEST_LOG"] = "debug" },
            seen);
        Assert.True(Directory.Exists(Path.Combine(kit.Folder.Path, ".cache", "pip", "arch")));
    }
}

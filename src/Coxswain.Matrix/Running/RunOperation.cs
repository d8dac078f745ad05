using System.Globalization;
using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Matrix;

/// <summary>
/// One attempt of one target: create the container, start it, stream its logs to disk and the reporter, wait for it under
/// the deadline; then, on every path (exit, failure, deadline, cancellation, engine gone), stop it with 10 s grace, write its
/// summary, and remove it unless <c>--keep-container</c>. Throws to fail the attempt so the plan retries it.
/// </summary>
internal sealed partial class RunOperation(MatrixRun run, TargetState state) : IOperation
{
    public string Kind => "matrix-run";

    public string Description => $"run target {state.Name}";

    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var definition = run.Definition;
        var settings = definition.Settings;
        var attempt = context.Attempt;
        state.Attempts = attempt;
        var name = MatrixNames.Container(definition.Name, state.Name, state.Image.ContextHash, run.RunId, attempt);
        var paths = ArtifactPaths.For(definition.LogsDirectory, state.Name, name, run.Time.GetUtcNow());
        foreach (var cache in definition.Caches)
        {
            Directory.CreateDirectory(cache.HostPath(definition.RootDirectory, state.Name));
        }

        run.Reporter.Target(state.Name, $"attempt {attempt}/{settings.Retries + 1}: {name} ({state.Image.Tag})");
        var facts = new AttemptFacts(name, paths);
        var logs = new AttemptLogs(paths, run.Reporter, state.Name);
        using var deadline = new CancellationTokenSource(settings.Timeout, run.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var pumpStop = new CancellationTokenSource();
        await using (logs.ConfigureAwait(false))
        {
            Task? pump = null;
            try
            {
                var spec = ContainerSpecFactory.Create(definition, state.Name, state.Image.Tag, name, run.RunId);
                var created = await run.Engine.CreateContainerAsync(spec, linked.Token).ConfigureAwait(false);
                facts.ContainerId = created.Id;
                await File.WriteAllTextAsync(paths.ContainerIdFile, created.Id + "\n", CancellationToken.None).ConfigureAwait(false);
                await StartAsync(facts, linked.Token).ConfigureAwait(false);
                facts.StartedAt = run.Time.GetUtcNow();
                pump = logs.PumpAsync(run.Engine, created.Id, pumpStop.Token);
                facts.ExitCode = await run.Engine.WaitContainerAsync(created.Id, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                facts.Cancelled = true;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                facts.TimedOut = true;
            }
            catch (Exception ex) when (ex is EngineException or MatrixAttemptException or IOException or HttpRequestException)
            {
                facts.Failure = ex;
            }

            facts.FinishedAt = run.Time.GetUtcNow();
            await CleanUpAsync(facts, pump, pumpStop).ConfigureAwait(false);
        }

        facts.Suites = logs.Suites;
        await WriteSummaryAsync(facts).ConfigureAwait(false);
        return Verdict(facts, cancellationToken);
    }

    private async Task StartAsync(AttemptFacts facts, CancellationToken cancellationToken)
    {
        try
        {
            await run.Engine.StartContainerAsync(facts.ContainerId!, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException ex)
        {
            var command = run.Definition.Command.Count == 0 ? "the image's default command" : string.Join(' ', run.Definition.Command);
            throw new MatrixAttemptException(
                $"container {facts.Name} could not start: {ex.EngineMessage}. Check the command ({command}), the mounts and the image {state.Image.Tag}.",
                innerException: ex);
        }
    }

    private TaskResult Verdict(AttemptFacts facts, CancellationToken cancellationToken)
    {
        state.ExitCode = facts.ExitCode;
        state.Suites = facts.Suites;
        var settings = run.Definition.Settings;
        if (facts.Cancelled)
        {
            run.Reporter.Target(state.Name, $"cancelled: {facts.Name} stopped{(settings.KeepContainer ? "" : " and removed")}");
            throw new OperationCanceledException($"target {state.Name} was cancelled", cancellationToken);
        }

        if (facts.TimedOut)
        {
            state.TimedOut = true;
            var message = $"timed out after {MatrixDuration.Format(settings.Timeout)} (--timeout): {facts.Name} was stopped{ExitText(facts)}";
            run.Reporter.Target(state.Name, message);
            throw new MatrixAttemptException(message, timedOut: true);
        }

        state.TimedOut = false;
        if (facts.Failure is { } failure)
        {
            run.Reporter.Target(state.Name, "failed: " + failure.Message);
            throw failure is MatrixAttemptException ? failure : new MatrixAttemptException(failure.Message, innerException: failure);
        }

        var unexpected = facts.Suites.Where(s => s.IsUnexpectedFailure).Select(s => s.Name).ToList();
        if (facts.ExitCode != 0 || unexpected.Count > 0)
        {
            var why = facts.ExitCode != 0 ? $"exited with code {facts.ExitCode}" : "exited 0";
            if (unexpected.Count > 0)
            {
                why += $"; failed suites: {string.Join(", ", unexpected)}";
            }

            var message = $"{why} (stderr: {facts.Paths.Stderr})";
            run.Reporter.Target(state.Name, "failed: " + message);
            throw new MatrixAttemptException(message);
        }

        run.Reporter.Target(state.Name, $"passed in {MatrixDuration.Format(facts.FinishedAt - (facts.StartedAt ?? facts.FinishedAt))}" + SuiteCounts(facts.Suites));
        return TaskResult.ChangedWith("passed");
    }

    private static string ExitText(AttemptFacts facts) =>
        facts.ExitCode is { } code ? $" (exit code {code.ToString(CultureInfo.InvariantCulture)})" : "";

    private static string SuiteCounts(IReadOnlyList<SuiteResult> suites) =>
        suites.Count == 0 ? "" : " (" + string.Join(", ", suites.GroupBy(s => s.Keyword).Select(g => $"{g.Count()} {g.Key}")) + ")";
}

using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Matrix;

/// <summary>
/// Runs a matrix: observe (content hashes, which image tags the engine has) → decide (<see cref="ImagePlanner"/>) → act (one
/// plan on the shared DAG executor: a build task per image to build, then a run task per target, bounded by --concurrency,
/// retried with capped exponential backoff, fail-fast as stop-all). Summaries are written on every path, and no container
/// of the run is left behind unless --keep-container.
/// </summary>
public sealed partial class MatrixRunner(IEngineClient engine, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Runs <paramref name="definition"/>; <paramref name="cancellationToken"/> is Ctrl+C. Failures of targets are in the
    /// result, not thrown; an engine that does not answer at the start throws <see cref="EngineException"/>.</summary>
    public async Task<MatrixResult> RunAsync(MatrixDefinition definition, MatrixReporter reporter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(reporter);
        var startedAt = time.GetUtcNow();
        var run = new MatrixRun(engine, definition, reporter, time, RunId.From(startedAt));
        var decisions = await DecideImagesAsync(definition, cancellationToken).ConfigureAwait(false);
        reporter.Note($"matrix {definition.Name} run {run.RunId}: {decisions.Count} target{(decisions.Count == 1 ? "" : "s")}, "
            + $"concurrency {definition.Settings.Concurrency}, timeout {MatrixDuration.Format(definition.Settings.Timeout)}, retries {definition.Settings.Retries}, "
            + $"fail-fast {(definition.Settings.FailFast ? "on" : "off")}; logs in {definition.LogsDirectory}");
        if (ContextCheck.Warning(definition) is { } warning)
        {
            reporter.Warn(warning);
        }

        foreach (var decision in decisions.Where(d => d.Action == ImageAction.Reuse))
        {
            reporter.Target(decision.Target.Name, $"reusing {decision.Tag} ({decision.Reason})");
        }

        var states = decisions.Select(d => new TargetState(d)).ToList();
        var plan = BuildPlan(run, states);
        var report = await plan.RunAsync(cancellationToken).ConfigureAwait(false);
        var problems = run.CleanupProblems.Concat(await SweepAsync(run).ConfigureAwait(false)).ToList();
        var result = new MatrixResult
        {
            RunId = run.RunId,
            Matrix = definition.Name,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Targets = states.Select(s => Outcome(s, report, definition.Settings)).ToList(),
            Interrupted = cancellationToken.IsCancellationRequested,
            AggregatePath = ArtifactPaths.Aggregate(definition.LogsDirectory, run.RunId),
            CleanupProblems = problems,
        };
        await SummaryJson.WriteFileAsync(result.AggregatePath, SummaryJson.Format(result), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>Observe and decide: the content hash of every target and whether the engine has an image with it.</summary>
    public async Task<IReadOnlyList<ImageDecision>> DecideImagesAsync(MatrixDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hashed = await Task.Run(
            () => definition.Targets.Select(t => (t, ContextHash.Compute(definition.ContextDirectory, t))).ToList(), cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (target, hash) in hashed)
        {
            var tag = MatrixNames.ImageTag(definition.Name, target.Name, hash);
            try
            {
                existing[tag] = (await engine.InspectImageAsync(tag, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (EngineNotFoundException)
            {
                // Not built yet.
            }
        }

        return ImagePlanner.Decide(definition.Name, hashed, existing, definition.Settings);
    }

    private Plan BuildPlan(MatrixRun run, IReadOnlyList<TargetState> states)
    {
        var settings = run.Definition.Settings;
        var then = settings.FailFast ? FailureAction.StopAll : FailureAction.Continue;
        var plan = new Plan(new PlanOptions
        {
            Name = "matrix " + run.Definition.Name,
            MaxParallelism = settings.Concurrency,
            TimeProvider = time,
            ErrorStrategy = settings.FailFast ? ErrorStrategy.StopAll : ErrorStrategy.Continue,
            Progress = new RetryReporter(run.Reporter),
        });
        foreach (var state in states)
        {
            PlanTask? build = state.Image.Action switch
            {
                ImageAction.Build => plan.Task(BuildTask(state.Name), new BuildOperation(run, state)),
                ImageAction.Missing => plan.TaskFunc(BuildTask(state.Name), (_, _) => throw new MatrixAttemptException(state.Image.Reason)),
                _ => null,
            };
            if (settings.Runs)
            {
                var task = plan.Task(RunTask(state.Name), new RunOperation(run, state))
                    .OnError(ErrorStrategy.Retry(settings.Retries, RetryBackoff.Exponential(settings.Backoff, MatrixSettings.MaxBackoff), then));
                if (build is not null)
                {
                    task.DependsOn(build);
                }
            }
        }

        return plan;
    }

    private static string BuildTask(string target) => "build:" + target;

    private static string RunTask(string target) => "run:" + target;

    /// <summary>Reports retries as the plan schedules them.</summary>
    private sealed class RetryReporter(MatrixReporter reporter) : IProgress<PlanEvent>
    {
        public void Report(PlanEvent value)
        {
            if (value.Kind == PlanEventKind.TaskRetrying && value.TaskName is { } task)
            {
                reporter.Target(task[(task.IndexOf(':', StringComparison.Ordinal) + 1)..], $"attempt {value.Attempt} failed; retrying in {MatrixDuration.Format(value.Delay ?? TimeSpan.Zero)}");
            }
        }
    }
}

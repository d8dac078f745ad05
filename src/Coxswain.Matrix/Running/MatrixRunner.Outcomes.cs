using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Matrix;

/// <summary>After the plan: what each target came to, and a sweep for any container of the run still there.</summary>
public sealed partial class MatrixRunner
{
    private static TargetOutcome Outcome(TargetState state, Report report, MatrixSettings settings)
    {
        var outcome = new TargetOutcome
        {
            Target = state.Name,
            Status = TargetStatus.Failed,
            Attempts = state.Attempts,
            Image = state.Image.Tag,
            ImageDigest = state.ImageId,
            Built = state.Built,
            ExitCode = state.ExitCode,
            Suites = state.Suites,
            Summaries = state.Summaries,
        };
        TaskReport? build = report.Tasks.Any(t => t.Name == BuildTask(state.Name)) ? report[BuildTask(state.Name)] : null;
        if (!settings.Runs)
        {
            return build is { Status: PlanTaskStatus.Failed or PlanTaskStatus.Cancelled } b
                ? outcome with { Status = b.Status == PlanTaskStatus.Failed ? TargetStatus.Failed : TargetStatus.Cancelled, Error = b.Error ?? CancelText(b) }
                : outcome with { Status = TargetStatus.Built };
        }

        if (build is { Status: PlanTaskStatus.Failed } failedBuild)
        {
            return outcome with { Error = failedBuild.Error };
        }

        var task = report[RunTask(state.Name)];
        return task.Status switch
        {
            PlanTaskStatus.Changed or PlanTaskStatus.Unchanged => outcome with { Status = TargetStatus.Passed },
            PlanTaskStatus.Failed => outcome with { Status = state.TimedOut ? TargetStatus.TimedOut : TargetStatus.Failed, Error = task.Error },
            PlanTaskStatus.Cancelled => outcome with { Status = TargetStatus.Cancelled, Error = CancelText(task) },
            PlanTaskStatus.Skipped when task.SkipCause is SkipCause.Stopped or SkipCause.Cancelled => outcome with { Status = TargetStatus.Cancelled, Error = CancelText(task) },
            _ when build is { Status: PlanTaskStatus.Cancelled } b => outcome with { Status = TargetStatus.Cancelled, Error = CancelText(b) },
            _ => outcome with { Error = task.SkipReason },
        };
    }

    private static string CancelText(TaskReport task)
    {
        var started = task.Attempts > 0 ? "stopped while running" : "never started";
        if (task.SkipCause != SkipCause.Stopped)
        {
            return $"cancelled ({started}): the run was interrupted";
        }

        var reason = (task.SkipReason ?? "")
            .Replace("cancelled: ", "", StringComparison.Ordinal)
            .Replace("not started: ", "", StringComparison.Ordinal)
            .Replace("task 'run:", "target '", StringComparison.Ordinal)
            .Replace("task 'build:", "the build of '", StringComparison.Ordinal)
            .Replace(" and the plan stops on errors (stop_all)", "", StringComparison.Ordinal);
        return $"cancelled by fail-fast ({started}): {reason}";
    }

    /// <summary>Removes any container labelled with this run that is still there (a crash between create and cleanup, a
    /// cleanup that timed out). Returns what could not be removed.</summary>
    private async Task<IReadOnlyList<string>> SweepAsync(MatrixRun run)
    {
        if (run.Definition.Settings.KeepContainer)
        {
            return [];
        }

        using var budget = new CancellationTokenSource(MatrixRun.CleanupBudget, time);
        var problems = new List<string>();
        IReadOnlyList<ContainerSummary> left;
        try
        {
            left = await engine.ListContainersAsync(new ContainerListOptions { Labels = [$"{MatrixNames.RunLabel}={run.RunId}"] }, budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineException or HttpRequestException or OperationCanceledException)
        {
            return run.CleanupProblems.Count > 0 ? [] : [$"could not check that no container of run {run.RunId} is left ({ex.Message}): list them with `docker ps -a --filter label={MatrixNames.RunLabel}={run.RunId}`"];
        }

        foreach (var container in left)
        {
            try
            {
                await engine.RemoveContainerAsync(container.Id, force: true, cancellationToken: budget.Token).ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                // Gone meanwhile.
            }
            catch (Exception ex) when (ex is EngineException or HttpRequestException or OperationCanceledException)
            {
                problems.Add($"could not remove container {container.Name} ({ex.Message}): remove it with `docker rm -f {container.Name}`");
            }
        }

        return problems;
    }
}

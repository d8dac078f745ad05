using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>The end of every attempt: stop what still runs, drain the logs, read the exit, remove, write the summary.</summary>
internal sealed partial class RunOperation
{
    private async Task CleanUpAsync(AttemptFacts facts, Task? pump, CancellationTokenSource pumpStop)
    {
        using var budget = new CancellationTokenSource(MatrixRun.CleanupBudget, run.Time);
        var id = facts.ContainerId;
        if (id is not null && facts.ExitCode is null)
        {
            await TryAsync(facts, "stop", () => run.Engine.StopContainerAsync(id, MatrixSettings.StopGrace, budget.Token)).ConfigureAwait(false);
        }

        if (pump is not null)
        {
            try
            {
                await pump.WaitAsync(MatrixRun.LogDrain, run.Time, budget.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                await pumpStop.CancelAsync().ConfigureAwait(false);
            }
        }

        if (id is not null && facts.ExitCode is null)
        {
            await TryAsync(facts, "inspect", async () =>
            {
                var info = await run.Engine.InspectContainerAsync(id, budget.Token).ConfigureAwait(false);
                if (!info.State.Running && info.State.StartedAt is not null)
                {
                    facts.ExitCode = info.State.ExitCode;
                }
            }).ConfigureAwait(false);
        }

        if (id is not null && !run.Definition.Settings.KeepContainer)
        {
            await TryAsync(facts, "remove", () => run.Engine.RemoveContainerAsync(id, force: true, cancellationToken: budget.Token)).ConfigureAwait(false);
        }
    }

    private async Task TryAsync(AttemptFacts facts, string what, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            // Already gone.
        }
        catch (Exception ex) when (ex is EngineException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            var problem = $"could not {what} container {facts.Name} ({facts.ContainerId}) of target {state.Name}: {ex.Message}. "
                + $"Remove it with `docker rm -f {facts.Name}` (or podman) once the engine answers.";
            if (what != "inspect")
            {
                run.AddCleanupProblem(problem);
            }
        }
    }

    private async Task WriteSummaryAsync(AttemptFacts facts)
    {
        var summary = new AttemptSummary
        {
            Distro = state.Name,
            ImageDigest = state.ImageId ?? "",
            ContainerId = facts.ContainerId,
            StartedAt = facts.StartedAt,
            FinishedAt = facts.FinishedAt,
            ExitCode = facts.ExitCode,
            StdoutLog = facts.Paths.Stdout,
            StderrLog = facts.Paths.Stderr,
            Suites = facts.Suites,
        };
        await SummaryJson.WriteFileAsync(facts.Paths.Summary, SummaryJson.Format(summary), CancellationToken.None).ConfigureAwait(false);
        state.AddSummary(facts.Paths.Summary);
    }
}

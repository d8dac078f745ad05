using System.Collections.Concurrent;
using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Plans;

namespace Coxswain.Stacks;

/// <summary>
/// Carries out a <see cref="StackPlan"/> with the one DAG executor (<see cref="Plan"/>): one task per operation, the plan's
/// dependencies as edges, bounded parallelism, pulls retried with backoff on the TimeProvider. No decisions are made here.
/// When an <c>up</c> fails, the containers this run created that are not running are removed, and the result says so.
/// </summary>
public sealed partial class StackExecutor
{
    private readonly IEngineClient _engine;
    private readonly ComposeProject? _project;
    private readonly StackExecutorOptions _options;
    private readonly ConcurrentQueue<string> _created = new();

    /// <summary>Creates an executor.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="project">The project (healthchecks, stop settings); may be null for down without a file.</param>
    /// <param name="options">Parallelism, retries, clock, progress.</param>
    public StackExecutor(IEngineClient engine, ComposeProject? project, StackExecutorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _project = project;
        _options = options ?? new StackExecutorOptions();
    }

    /// <summary>Runs the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels the run (running operations are cancelled, nothing new starts).</param>
    /// <returns>What happened, with errors and what was rolled back.</returns>
    public async Task<StackRunResult> RunAsync(StackPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var services = plan.Operations.ToDictionary(o => o.Id, o => o.Service, StringComparer.Ordinal);
        var dag = new Plan(new PlanOptions
        {
            Name = $"{plan.Verb} {plan.Project}",
            MaxParallelism = _options.MaxParallelism,
            TimeProvider = _options.TimeProvider,
            Progress = _options.Progress is { } progress ? new EventAdapter(progress, services) : null,
        });
        foreach (var operation in plan.Operations)
        {
            var task = dag.TaskFunc(operation.Id, (context, ct) => ExecuteAsync(operation, context, ct));
            if (operation.DependsOn.Count > 0)
            {
                task.DependsOn([.. operation.DependsOn]);
            }

            if (operation is PullImageOperation && _options.PullRetries > 0)
            {
                task.OnError(ErrorStrategy.Retry(_options.PullRetries, RetryBackoff.Exponential(_options.PullBackoff)));
            }
        }

        var report = await dag.RunAsync(cancellationToken).ConfigureAwait(false);
        var errors = report.Tasks.Where(t => t.Status == PlanTaskStatus.Failed).Select(t => $"{t.Name}: {t.Error}").ToList();
        IReadOnlyList<string> rolledBack = [];
        if (!report.Succeeded && plan.Verb == "up" && _options.RollBackOnFailure)
        {
            rolledBack = await RollBackAsync(errors).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new StackRunResult(plan, report) { Errors = errors, RolledBack = rolledBack };
    }

    /// <summary>Removes what this run created and did not get running; when the engine stops answering, says what is left instead.</summary>
    private async Task<IReadOnlyList<string>> RollBackAsync(List<string> errors)
    {
        var removed = new List<string>();
        var created = _created.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in created)
        {
            try
            {
                var info = await _engine.InspectContainerAsync(name, CancellationToken.None).ConfigureAwait(false);
                if (!info.State.Running)
                {
                    await _engine.RemoveContainerAsync(name, force: true, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    removed.Add(name);
                }
            }
            catch (EngineNotFoundException)
            {
                // already gone
            }
            catch (EngineUnavailableException ex)
            {
                var left = created.Except(removed, StringComparer.Ordinal);
                errors.Add($"the engine stopped answering ({(ex.Attempts.Count > 0 ? ex.Attempts[^1].Error : ex.Message)}), so nothing more could be rolled back; "
                    + $"left as created: {string.Join(", ", left)}. Run the same command again once the engine answers: it converges from what exists.");
                break;
            }
        }

        return removed;
    }

    private ServiceModel? FindService(string? name) => name is null ? null : _project?.FindService(name);

    private sealed class EventAdapter(IProgress<StackEvent> target, Dictionary<string, string?> services) : IProgress<PlanEvent>
    {
        public void Report(PlanEvent value)
        {
            if (value.TaskName is not { } name)
            {
                return;
            }

            var service = services.GetValueOrDefault(name);
            var converted = value.Kind switch
            {
                PlanEventKind.TaskStarted => new StackEvent(StackEventKind.Started, name, service, "", value.Timestamp),
                PlanEventKind.TaskLog => new StackEvent(StackEventKind.Progress, name, service, value.Message ?? "", value.Timestamp),
                PlanEventKind.TaskRetrying => new StackEvent(StackEventKind.Progress, name, service, $"attempt {value.Attempt} failed ({value.Error}); retrying", value.Timestamp),
                PlanEventKind.TaskFinished when value.Report is { Status: PlanTaskStatus.Failed } r => new StackEvent(StackEventKind.Failed, name, service, r.Error ?? "", value.Timestamp),
                PlanEventKind.TaskFinished when value.Report is { Status: PlanTaskStatus.Skipped or PlanTaskStatus.Cancelled } r =>
                    new StackEvent(StackEventKind.Skipped, name, service, r.SkipReason ?? r.Message ?? "cancelled", value.Timestamp),
                PlanEventKind.TaskFinished when value.Report is { } r => new StackEvent(StackEventKind.Finished, name, service, r.Message ?? r.SkipReason ?? "", value.Timestamp),
                _ => null,
            };
            if (converted is not null)
            {
                target.Report(converted);
            }
        }
    }
}

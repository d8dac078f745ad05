using Coxswain.Engine;

namespace Coxswain.Plans;

/// <summary>
/// What an operation gets when it runs: which task and attempt, its target engine, the plan's
/// clock, the results of tasks that finished before it, and a way to report progress lines.
/// </summary>
public sealed class TaskContext
{
    private readonly IEngineResolver? engines;
    private readonly Action<TaskContext, string>? log;

    internal TaskContext(PlanTask task, PlanResults results, TimeProvider timeProvider, IEngineResolver? engines, Action<TaskContext, string>? log, bool isDryRun)
    {
        Task = task;
        Results = results;
        TimeProvider = timeProvider;
        this.engines = engines;
        this.log = log;
        IsDryRun = isDryRun;
        Attempt = 1;
    }

    /// <summary>The task being run.</summary>
    public PlanTask Task { get; }

    /// <summary>The task's name.</summary>
    public string TaskName => Task.Name;

    /// <summary>The attempt number, 1 for the first try.</summary>
    public int Attempt { get; internal set; }

    /// <summary>The target (engine name) of the task, or null for the default.</summary>
    public string? Target => Task.Target;

    /// <summary>The plan's clock: take every delay, timeout and timestamp from it.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Results of tasks that have finished (always including every dependency).</summary>
    public PlanResults Results { get; }

    /// <summary>True in <see cref="Plan.DryRunAsync"/>: nothing may be changed.</summary>
    public bool IsDryRun { get; }

    /// <summary>The engine this task targets.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="InvalidOperationException">The plan has no <see cref="PlanOptions.Engines"/>.</exception>
    public ValueTask<IEngineClient> GetEngineAsync(CancellationToken cancellationToken)
    {
        if (engines is null)
        {
            throw new InvalidOperationException(
                $"Task '{TaskName}' needs a container engine, but the plan has no engine resolver. Set PlanOptions.Engines.");
        }

        return engines.GetEngineAsync(Target, cancellationToken);
    }

    /// <summary>Reports one line of progress (delivered as a <see cref="PlanEventKind.TaskLog"/> event).</summary>
    /// <param name="message">The line.</param>
    public void Log(string message) => log?.Invoke(this, message);
}

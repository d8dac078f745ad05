namespace Coxswain.Plans;

/// <summary>How a <see cref="Plan"/> runs. Every property has a documented default.</summary>
public sealed class PlanOptions
{
    /// <summary>The default name of a plan: "plan".</summary>
    public const string DefaultName = "plan";

    /// <summary>The default number of tasks running at once: 8.</summary>
    public const int DefaultMaxParallelism = 8;

    /// <summary>The plan's name (reports, journals, messages). Default <see cref="DefaultName"/>.</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>How many tasks may run at once (≥ 1). Default <see cref="DefaultMaxParallelism"/>.</summary>
    public int MaxParallelism { get; set; } = DefaultMaxParallelism;

    /// <summary>What to do when a task fails, unless the task says otherwise. Default <see cref="ErrorStrategy.StopAll"/>.</summary>
    public ErrorStrategy ErrorStrategy { get; set; } = ErrorStrategy.StopAll;

    /// <summary>The time one attempt of a task may take, unless the task says otherwise. Default: none.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>The clock for every duration, delay and timeout. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Forward (dependencies first) or Reverse (teardown order). Default <see cref="PlanDirection.Forward"/>.</summary>
    public PlanDirection Direction { get; set; } = PlanDirection.Forward;

    /// <summary>
    /// Receives task state changes live (started, retrying, finished, log lines). Called on the
    /// executor's threads, one event at a time; keep it quick (exceptions it throws are ignored). Default: none.
    /// </summary>
    public IProgress<PlanEvent>? Progress { get; set; }

    /// <summary>Finds the engine of a task's target, for engine-backed operations. Default: none.</summary>
    public IEngineResolver? Engines { get; set; }

    /// <summary>A copy of these options.</summary>
    public PlanOptions Clone() => (PlanOptions)MemberwiseClone();

    internal IEnumerable<PlanError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new PlanError("PlanOptions.Name is empty; give the plan a name.");
        }

        if (MaxParallelism < 1)
        {
            yield return new PlanError($"PlanOptions.MaxParallelism is {MaxParallelism}; it must be at least 1.");
        }

        if (DefaultTimeout is { } t && t <= TimeSpan.Zero)
        {
            yield return new PlanError($"PlanOptions.DefaultTimeout is {t}; it must be positive (or null for none).");
        }

        if (ErrorStrategy is null || TimeProvider is null)
        {
            yield return new PlanError("PlanOptions.ErrorStrategy and PlanOptions.TimeProvider must be set.");
        }
    }
}

namespace Coxswain.Plans;

/// <summary>A task state change, delivered live to <see cref="PlanOptions.Progress"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="TaskName">The task (null for run events).</param>
/// <param name="Timestamp">When, on the plan's clock.</param>
public sealed record PlanEvent(PlanEventKind Kind, string? TaskName, DateTimeOffset Timestamp)
{
    /// <summary>The attempt the event is about (1-based; 0 for run events and skipped tasks).</summary>
    public int Attempt { get; init; }

    /// <summary>For <see cref="PlanEventKind.TaskRetrying"/>: the wait before the next attempt.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>For <see cref="PlanEventKind.TaskRetrying"/>: why the attempt failed.</summary>
    public string? Error { get; init; }

    /// <summary>For <see cref="PlanEventKind.TaskLog"/>: the line.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="PlanEventKind.TaskFinished"/>: the task's report.</summary>
    public TaskReport? Report { get; init; }

    /// <summary>For <see cref="PlanEventKind.RunFinished"/>: the run's status.</summary>
    public RunStatus? RunStatus { get; init; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PlanEventKind.RunStarted => "run started",
        PlanEventKind.TaskStarted => $"{TaskName}: started",
        PlanEventKind.TaskRetrying => $"{TaskName}: attempt {Attempt} failed ({Error}); retrying in {DurationText.Format(Delay ?? TimeSpan.Zero)}",
        PlanEventKind.TaskFinished => Report?.ToString() ?? $"{TaskName}: finished",
        PlanEventKind.TaskLog => $"{TaskName}: {Message}",
        _ => $"run finished: {RunStatus?.ToString().ToLowerInvariant()}",
    };
}

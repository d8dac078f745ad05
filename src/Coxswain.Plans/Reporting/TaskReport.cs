namespace Coxswain.Plans;

/// <summary>The outcome of one task in a run (a value: reports of big plans cost no per-task object).</summary>
/// <param name="Name">The task's name.</param>
/// <param name="Status">How it ended.</param>
public readonly record struct TaskReport(string Name, PlanTaskStatus Status)
{
    /// <summary>True when the task changed something.</summary>
    public bool Changed => Status == PlanTaskStatus.Changed;

    /// <summary>True for Changed, Unchanged, and Skipped by a condition: what a resume keeps.</summary>
    public bool Succeeded => Status is PlanTaskStatus.Changed or PlanTaskStatus.Unchanged
        || (Status == PlanTaskStatus.Skipped && SkipCause == SkipCause.Condition);

    /// <summary>Time from the task's start to its end, retry delays included (zero if it never started).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>How many times it was tried (0 if it never started).</summary>
    public int Attempts { get; init; }

    /// <summary>When it started, on the plan's clock; null if it never started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>For failures: what went wrong, naming the task.</summary>
    public string? Error { get; init; }

    /// <summary>For failures in this process: the exception (not kept by journals).</summary>
    public Exception? Exception { get; init; }

    /// <summary>For skipped and cancelled tasks: why.</summary>
    public string? SkipReason { get; init; }

    /// <summary>For skipped and cancelled tasks: the kind of reason.</summary>
    public SkipCause SkipCause { get; init; }

    /// <summary>The operation's message, if it gave one.</summary>
    public string? Message { get; init; }

    /// <summary>True when this result was taken from the journal of an earlier attempt of the run (resume).</summary>
    public bool Resumed { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var status = Status.ToString().ToLowerInvariant();
        return Status switch
        {
            PlanTaskStatus.Failed => $"{Name}: failed: {Error}",
            PlanTaskStatus.Skipped or PlanTaskStatus.Cancelled => $"{Name}: {status}: {SkipReason}",
            _ => Message is null ? $"{Name}: {status}" : $"{Name}: {status}: {Message}",
        };
    }
}

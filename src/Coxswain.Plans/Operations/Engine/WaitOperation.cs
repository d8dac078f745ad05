namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Polls a <see cref="WaitCondition"/> every <see cref="Interval"/> on the plan's clock until it
/// holds (Unchanged: waiting changes nothing), it cannot hold any more (the container exited: fail
/// at once), or <see cref="Within"/> passes (fail, saying what was last seen).
/// </summary>
public sealed class WaitOperation : IOperation
{
    /// <summary>The YAML type name: "wait".</summary>
    public const string TypeName = "wait";

    /// <summary>How long a wait lasts at most unless told: 60 seconds.</summary>
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(60);

    /// <summary>How often the condition is checked unless told: every 250 ms.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Creates the operation.</summary>
    /// <param name="condition">What to wait for.</param>
    /// <param name="within">The longest wait; <see cref="DefaultWithin"/> when null.</param>
    /// <param name="interval">Time between checks; <see cref="DefaultInterval"/> when null.</param>
    public WaitOperation(WaitCondition condition, TimeSpan? within = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Condition = condition;
        Within = within ?? DefaultWithin;
        Interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Within, TimeSpan.Zero, nameof(within));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(interval));
    }

    /// <summary>What is awaited.</summary>
    public WaitCondition Condition { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan Within { get; }

    /// <summary>Time between checks.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"wait for {Condition.Description}";

    /// <inheritdoc />
    public string Fingerprint => $"wait {Condition.Description} within={Within.Ticks} interval={Interval.Ticks}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = context.TimeProvider;
        var engine = Condition.NeedsEngine ? await context.GetEngineAsync(cancellationToken).ConfigureAwait(false) : null;
        var started = time.GetTimestamp();
        while (true)
        {
            var check = await Condition.CheckAsync(engine, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            if (check.IsMet)
            {
                return TaskResult.UnchangedWith($"{Condition.Description} after {DurationText.Format(elapsed)}");
            }

            if (check.IsHopeless)
            {
                throw new InvalidOperationException(
                    $"Task '{context.TaskName}': gave up waiting for {Condition.Description}: {check.Observed}. Look at the container's logs.");
            }

            if (elapsed + Interval > Within)
            {
                throw new TimeoutException(
                    $"Task '{context.TaskName}': {Condition.Description} did not happen within {DurationText.Format(Within)}; last seen: {check.Observed}. Raise 'within' or look at the container's logs.");
            }

            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.NoChange("waiting changes nothing"));
}

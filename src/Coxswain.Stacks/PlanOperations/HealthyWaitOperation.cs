using Coxswain.Engine;
using Coxswain.Plans;
using PlanWait = Coxswain.Plans.Operations.Engine.WaitOperation;

namespace Coxswain.Stacks.PlanOperations;

/// <summary>
/// The plan task <c>wait</c> with <c>for: healthy</c>: waits until a container is healthy by Coxswain's own probe (run
/// through the exec API, so it means the same on Docker and Podman), or by the engine's healthcheck when no probe is
/// given. Unchanged when healthy (waiting changes nothing); fails with the last probe outputs and the log tail when the
/// container turns unhealthy, exits or is removed, or when <see cref="Within"/> passes.
/// </summary>
public sealed class HealthyWaitOperation : IOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="container">The container's name or id.</param>
    /// <param name="probe">The probe Coxswain runs; null to read the engine's own healthcheck state.</param>
    /// <param name="within">The longest wait; <see cref="PlanWait.DefaultWithin"/> when null.</param>
    public HealthyWaitOperation(string container, HealthProbe? probe, TimeSpan? within = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        Container = container;
        Probe = probe;
        Within = within ?? PlanWait.DefaultWithin;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Within, TimeSpan.Zero, nameof(within));
    }

    /// <summary>The container waited for.</summary>
    public string Container { get; }

    /// <summary>The probe Coxswain runs, or null for the engine's own healthcheck.</summary>
    public HealthProbe? Probe { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan Within { get; }

    /// <inheritdoc />
    public string Kind => PlanWait.TypeName;

    /// <inheritdoc />
    public string Description => $"wait for container {Container} healthy";

    /// <inheritdoc />
    public string Fingerprint =>
        $"wait healthy container={Container} within={Within.Ticks} probe={Probe?.CommandText} interval={Probe?.Interval.Ticks} "
        + $"timeout={Probe?.Timeout.Ticks} retries={Probe?.Retries} start_period={Probe?.StartPeriod.Ticks}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var time = context.TimeProvider;
        var started = time.GetTimestamp();
        var monitor = new HealthMonitor(engine, time);
        await using var stopProbes = monitor.ConfigureAwait(false);
        if (Probe is { } probe)
        {
            // Keyed by id, so the waiter finds the probe's snapshot from its first look.
            var id = await IdOfAsync(engine, context, cancellationToken).ConfigureAwait(false);
            monitor.Start(id, probe);
        }

        var waiter = new Waiter(engine, time) { Timeout = Within, Interval = PollInterval };
        try
        {
            await waiter.WaitAsync(Container, WaitFor.Healthy(Probe is null ? null : monitor), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerNotReadyException e)
        {
            throw new InvalidOperationException($"Task '{context.TaskName}': {e.Message}", e);
        }

        return TaskResult.UnchangedWith($"container {Container} healthy after {NotReadyMessage.Seconds(time.GetElapsedTime(started))}");
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.NoChange("waiting changes nothing"));

    private async Task<string> IdOfAsync(IEngineClient engine, TaskContext context, CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.InspectContainerAsync(Container, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (EngineNotFoundException)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': container {Container} does not exist, so it cannot turn healthy; create it in an earlier task and depend on that task.");
        }
    }

    private TimeSpan PollInterval => Probe is { } p && p.Interval < Waiter.DefaultInterval ? p.Interval : Waiter.DefaultInterval;
}

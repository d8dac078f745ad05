using System.Globalization;

namespace Coxswain.Stacks;

/// <summary>
/// Ready when Coxswain's probe (<see cref="HealthMonitor"/>) reports the container healthy (Compose's <c>service_healthy</c>).
/// Without a probe in the monitor, the engine's own healthcheck state is used; with neither, the wait fails at once.
/// </summary>
/// <param name="monitor">Where the container's probe runs (start it before waiting); null to use only the engine's healthcheck.</param>
/// <param name="failWhenUnhealthy">Fail at once when the container turns unhealthy, as Compose does (true), or keep
/// waiting for it to pass again (false).</param>
public sealed class ContainerHealthy(HealthMonitor? monitor, bool failWhenUnhealthy = true) : IWaitCondition
{
    /// <inheritdoc />
    public string Description => "healthy";

    /// <inheritdoc />
    public bool ExpectsExit => false;

    /// <inheritdoc />
    public ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var container = context.Container;
        if (!container.State.Running)
        {
            return ValueTask.FromResult(WaitCheck.Pending($"it is not running (status {container.State.Status.ToString().ToLowerInvariant()})"));
        }

        if (monitor?.GetSnapshot(container.Id) is { } snapshot)
        {
            return ValueTask.FromResult(FromSnapshot(snapshot));
        }

        if (container.State.Health is { } engineHealth)
        {
            return ValueTask.FromResult(engineHealth.Status switch
            {
                "healthy" => WaitCheck.Ready(),
                "unhealthy" when failWhenUnhealthy => WaitCheck.Failed($"the engine's healthcheck reports it unhealthy ({Probes(engineHealth.FailingStreak)} failed in a row)"),
                _ => WaitCheck.Pending($"the engine's healthcheck reports {engineHealth.Status}"),
            });
        }

        return ValueTask.FromResult(WaitCheck.Failed("it has no healthcheck; add one to the service, or depend on it with condition service_started"));
    }

    private WaitCheck FromSnapshot(HealthSnapshot snapshot)
    {
        var check = snapshot.Status switch
        {
            HealthStatus.Healthy => WaitCheck.Ready(),
            HealthStatus.Unhealthy when failWhenUnhealthy => WaitCheck.Failed($"it is unhealthy: {Probes(snapshot.FailingStreak)} failed in a row"),
            HealthStatus.Unhealthy => WaitCheck.Pending($"it is unhealthy: {Probes(snapshot.FailingStreak)} failed in a row"),
            _ when snapshot.ProbeCount == 0 => WaitCheck.Pending("its health is starting: no probe has run yet"),
            _ => WaitCheck.Pending($"its health is starting: {Probes(snapshot.ProbeCount)} ran, none passed"),
        };
        return check with { Probes = snapshot.Results };
    }

    private static string Probes(int count) => count == 1 ? "1 probe" : count.ToString(CultureInfo.InvariantCulture) + " probes";
}

using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>
/// The default readiness: one <see cref="Waiter"/> per container with the condition of the wait (<see cref="WaitFor"/>),
/// failing fast when the container exits (exit code and log tail in the message). For <c>healthy</c>, Coxswain's probe
/// (<see cref="HealthMonitor"/>) runs for the duration of the wait.
/// </summary>
public sealed class StackReadiness : IStackReadiness
{
    /// <inheritdoc/>
    public async Task<string> WaitAsync(IEngineClient engine, WaitOperation wait, ServiceModel? service, StackExecutorOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentNullException.ThrowIfNull(options);
        var monitor = new HealthMonitor(engine, options.TimeProvider);
        await using (monitor.ConfigureAwait(false))
        {
            if (wait.Condition == WaitCondition.Healthy)
            {
                var probe = HealthProbe.FromCompose(service?.Healthcheck) ?? throw new StackWaitException(
                    $"service {wait.ServiceName} has no healthcheck, so it cannot become healthy; add a healthcheck: to it or depend on it with condition: service_started");
                probe = probe with { FirstProbeDelay = options.FirstProbeDelay };
                foreach (var container in wait.Containers)
                {
                    var info = await engine.InspectContainerAsync(container, cancellationToken).ConfigureAwait(false);
                    monitor.Start(info.Id, probe);
                }
            }

            var waiter = new Waiter(engine, options.TimeProvider) { Timeout = options.WaitTimeout, LogTailLines = options.LogTailLines };
            var condition = wait.Condition switch
            {
                WaitCondition.Healthy => WaitFor.Healthy(monitor),
                WaitCondition.CompletedSuccessfully => WaitFor.CompletedSuccessfully(),
                _ => WaitFor.Running(),
            };
            try
            {
                await Task.WhenAll(wait.Containers.Select(c => waiter.WaitAsync(c, condition, wait.ServiceName, cancellationToken))).ConfigureAwait(false);
            }
            catch (ContainerNotReadyException ex)
            {
                throw new StackWaitException(ex.Message, ex);
            }

            return $"{string.Join(", ", wait.Containers)} {WaitConditions.Text(wait.Condition)}";
        }
    }
}

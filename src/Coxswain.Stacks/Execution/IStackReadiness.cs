using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Carries out a <see cref="WaitOperation"/>: returns when every container of the service meets the condition, throws
/// <see cref="StackWaitException"/> when one cannot (exited, unhealthy, timed out).</summary>
public interface IStackReadiness
{
    /// <summary>Waits for one service.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="wait">The wait.</param>
    /// <param name="service">The service (for its healthcheck).</param>
    /// <param name="options">Timeouts, clock, log tail length.</param>
    /// <param name="progress">Receives progress text.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A message for the report.</returns>
    Task<string> WaitAsync(IEngineClient engine, WaitOperation wait, ServiceModel? service, StackExecutorOptions options, Action<string> progress, CancellationToken cancellationToken);
}

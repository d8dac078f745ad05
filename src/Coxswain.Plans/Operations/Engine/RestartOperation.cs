namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Restarts a container (stop, then start): always Changed. Give it <c>only_if_changed</c> to
/// restart only when the configuration before it changed. A missing container fails the task.
/// </summary>
public sealed class RestartOperation : IOperation
{
    /// <summary>The YAML type name: "restart".</summary>
    public const string TypeName = "restart";

    /// <summary>Creates the operation.</summary>
    /// <param name="container">The container's name or id.</param>
    /// <param name="stopTimeout">The grace period before SIGKILL; the container's own when null.</param>
    public RestartOperation(string container, TimeSpan? stopTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        Container = container;
        StopTimeout = stopTimeout;
    }

    /// <summary>The container's name or id.</summary>
    public string Container { get; }

    /// <summary>The grace period before SIGKILL.</summary>
    public TimeSpan? StopTimeout { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"restart: {Container}";

    /// <inheritdoc />
    public string Fingerprint => $"restart container={Container} timeout={StopTimeout?.Ticks}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await engine.RestartContainerAsync(Container, StopTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Coxswain.Engine.EngineNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': cannot restart {EngineLookup.Describe("container", Container, engine)}: it does not exist. Make the task depend on the one that creates it.", ex);
        }

        return TaskResult.ChangedWith($"restarted {Container}");
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.WouldChange($"would restart {Container}"));
}

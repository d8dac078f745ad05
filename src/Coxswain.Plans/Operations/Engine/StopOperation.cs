namespace Coxswain.Plans.Operations.Engine;

/// <summary>Stops a container: Changed when it was running, Unchanged when it was already stopped or does not exist.</summary>
public sealed class StopOperation : IOperation
{
    /// <summary>The YAML type name: "stop".</summary>
    public const string TypeName = "stop";

    /// <summary>Creates the operation.</summary>
    /// <param name="container">The container's name or id.</param>
    /// <param name="stopTimeout">The grace period before SIGKILL; the container's own when null.</param>
    public StopOperation(string container, TimeSpan? stopTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        Container = container;
        StopTimeout = stopTimeout;
    }

    /// <summary>The container's name or id.</summary>
    public string Container { get; }

    /// <summary>The grace period before SIGKILL; the container's own when null.</summary>
    public TimeSpan? StopTimeout { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"stop: {Container}";

    /// <inheritdoc />
    public string Fingerprint => $"stop container={Container} timeout={StopTimeout?.Ticks}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var existing = await EngineLookup.FindContainerAsync(engine, Container, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return TaskResult.UnchangedWith($"{Container} does not exist");
        }

        if (!existing.State.Running)
        {
            return TaskResult.UnchangedWith($"{Container} is not running");
        }

        await engine.StopContainerAsync(existing.Id, StopTimeout, cancellationToken).ConfigureAwait(false);
        return TaskResult.ChangedWith($"stopped {Container}");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        return await EngineLookup.FindContainerAsync(engine, Container, cancellationToken).ConfigureAwait(false) switch
        {
            null => CheckResult.NoChange($"{Container} does not exist"),
            { State.Running: false } => CheckResult.NoChange($"{Container} is not running"),
            _ => CheckResult.WouldChange($"would stop {Container}"),
        };
    }
}

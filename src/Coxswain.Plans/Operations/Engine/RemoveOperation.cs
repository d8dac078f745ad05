namespace Coxswain.Plans.Operations.Engine;

/// <summary>Removes a container (killing it first when <see cref="Force"/>): Changed when it existed, Unchanged when it did not.</summary>
public sealed class RemoveOperation : IOperation
{
    /// <summary>The YAML type name: "remove".</summary>
    public const string TypeName = "remove";

    /// <summary>Creates the operation.</summary>
    /// <param name="container">The container's name or id.</param>
    /// <param name="force">Kill a running container first (otherwise removing a running container fails).</param>
    /// <param name="removeVolumes">Also remove its anonymous volumes.</param>
    public RemoveOperation(string container, bool force = true, bool removeVolumes = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        Container = container;
        Force = force;
        RemoveVolumes = removeVolumes;
    }

    /// <summary>The container's name or id.</summary>
    public string Container { get; }

    /// <summary>Kill a running container first.</summary>
    public bool Force { get; }

    /// <summary>Also remove its anonymous volumes.</summary>
    public bool RemoveVolumes { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"remove: {Container}";

    /// <inheritdoc />
    public string Fingerprint => $"remove container={Container} force={Force} volumes={RemoveVolumes}";

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

        try
        {
            await engine.RemoveContainerAsync(existing.Id, Force, RemoveVolumes, cancellationToken).ConfigureAwait(false);
        }
        catch (Coxswain.Engine.EngineNotFoundException)
        {
            return TaskResult.UnchangedWith($"{Container} does not exist");
        }

        return TaskResult.ChangedWith($"removed {Container}");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        return await EngineLookup.FindContainerAsync(engine, Container, cancellationToken).ConfigureAwait(false) is null
            ? CheckResult.NoChange($"{Container} does not exist")
            : CheckResult.WouldChange($"would remove {Container}");
    }
}

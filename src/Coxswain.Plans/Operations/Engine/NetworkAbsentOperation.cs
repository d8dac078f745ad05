using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Ensures a network does not exist on the task's engine (<c>type: network</c> with <c>state: absent</c>):
/// Changed when it existed and was removed, Unchanged when it was already absent. A network that still has
/// containers attached fails the task, naming them.
/// </summary>
public sealed class NetworkAbsentOperation : IOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="name">The network's name or id.</param>
    public NetworkAbsentOperation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The network's name or id.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public string Kind => NetworkOperation.TypeName;

    /// <inheritdoc />
    public string Description => $"network: {Name} absent";

    /// <inheritdoc />
    public string Fingerprint => $"network name={Name} state=absent";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        if (await EngineLookup.FindNetworkAsync(engine, Name, cancellationToken).ConfigureAwait(false) is null)
        {
            return TaskResult.UnchangedWith($"network {Name} does not exist");
        }

        try
        {
            await engine.RemoveNetworkAsync(Name, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            return TaskResult.UnchangedWith($"network {Name} does not exist");
        }
        catch (EngineConflictException ex)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': cannot remove {EngineLookup.Describe("network", Name, engine)}: it is in use ({ex.Message}). Remove or disconnect its containers first (a 'remove' task before this one).",
                ex);
        }

        return TaskResult.ChangedWith($"removed network {Name}");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        return await EngineLookup.FindNetworkAsync(engine, Name, cancellationToken).ConfigureAwait(false) is null
            ? CheckResult.NoChange($"network {Name} does not exist")
            : CheckResult.WouldChange($"would remove network {Name}");
    }
}

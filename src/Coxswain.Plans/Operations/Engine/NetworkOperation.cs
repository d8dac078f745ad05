using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Ensures a network exists on the task's engine: Unchanged when it does (with the same driver),
/// otherwise created and Changed. A network of that name with another driver fails the task
/// rather than being replaced under containers attached to it.
/// </summary>
public sealed class NetworkOperation : IOperation
{
    /// <summary>The YAML type name: "network".</summary>
    public const string TypeName = "network";

    /// <summary>Creates the operation.</summary>
    /// <param name="spec">The network to ensure.</param>
    public NetworkOperation(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        Spec = spec;
    }

    /// <summary>The network to ensure.</summary>
    public NetworkSpec Spec { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"network: {Spec.Name}";

    /// <inheritdoc />
    public string Fingerprint =>
        $"network name={Spec.Name} driver={Spec.Driver} internal={Spec.Internal} attachable={Spec.Attachable} labels={SpecHash.Map(Spec.Labels)}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        if (await EngineLookup.FindNetworkAsync(engine, Spec.Name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return Existing(context, engine, existing);
        }

        try
        {
            await engine.CreateNetworkAsync(Spec, cancellationToken).ConfigureAwait(false);
            return TaskResult.ChangedWith($"created network {Spec.Name}");
        }
        catch (EngineConflictException)
        {
            // Created by someone else in the meantime: judge what is there now.
            var now = await engine.InspectNetworkAsync(Spec.Name, cancellationToken).ConfigureAwait(false);
            return Existing(context, engine, now);
        }
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        return await EngineLookup.FindNetworkAsync(engine, Spec.Name, cancellationToken).ConfigureAwait(false) switch
        {
            null => CheckResult.WouldChange($"would create network {Spec.Name}"),
            var n when !SameDriver(n) => CheckResult.Unknown($"network {Spec.Name} exists with driver '{n.Driver}', not '{Spec.Driver}': the task would fail"),
            _ => CheckResult.NoChange($"network {Spec.Name} exists"),
        };
    }

    private TaskResult Existing(TaskContext context, IEngineClient engine, NetworkInfo existing)
    {
        if (!SameDriver(existing))
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': {EngineLookup.Describe("network", Spec.Name, engine)} exists with driver '{existing.Driver}', but the plan wants '{Spec.Driver}'. Remove it (and its containers) or use another name.");
        }

        return TaskResult.UnchangedWith($"network {Spec.Name} exists");
    }

    private bool SameDriver(NetworkInfo existing) => string.Equals(existing.Driver, Spec.Driver, StringComparison.Ordinal);
}

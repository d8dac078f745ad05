using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Ensures a container runs with a spec. The spec's hash is stored in the container's
/// <see cref="ConfigHashLabel"/> label: no container → created and started (Changed); a container
/// whose hash differs → removed and recreated (Changed); same hash but not running → started
/// (Changed); running with the same hash → Unchanged. A container of that name without the label
/// was not made by a plan and is never touched: the task fails and says so.
/// </summary>
public sealed class ContainerOperation : IOperation
{
    /// <summary>The YAML type name: "container".</summary>
    public const string TypeName = "container";

    /// <summary>The label holding the spec's hash (Coxswain's identity label for configuration).</summary>
    public const string ConfigHashLabel = "io.coxswain.config-hash";

    /// <summary>The label marking objects Coxswain created.</summary>
    public const string ManagedLabel = "io.coxswain.managed";

    /// <summary>Creates the operation.</summary>
    /// <param name="spec">The container's spec; its <see cref="ContainerSpec.Name"/> is required.</param>
    public ContainerOperation(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name, nameof(spec));
        Name = spec.Name;
        Hash = SpecHash.Compute(spec);
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [ManagedLabel] = "true",
            [ConfigHashLabel] = Hash,
        };
        Spec = spec with { Labels = labels };
    }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>The spec as created, with the managed and hash labels.</summary>
    public ContainerSpec Spec { get; }

    /// <summary>The spec's hash (16 hex digits), as stored in <see cref="ConfigHashLabel"/>.</summary>
    public string Hash { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"container: {Name} ({Spec.Image})";

    /// <inheritdoc />
    public string Fingerprint => $"container hash={Hash}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var existing = await EngineLookup.FindContainerAsync(engine, Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await CreateAndStartAsync(context, engine, cancellationToken).ConfigureAwait(false);
            return TaskResult.ChangedWith($"created and started {Name}");
        }

        var hash = OwnedHash(context, engine, existing);
        if (hash != Hash)
        {
            context.Log($"{Name}: spec changed ({hash} → {Hash}); recreating");
            await engine.StopContainerAsync(existing.Id, Spec.StopTimeout, cancellationToken).ConfigureAwait(false);
            await engine.RemoveContainerAsync(existing.Id, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            await CreateAndStartAsync(context, engine, cancellationToken).ConfigureAwait(false);
            return TaskResult.ChangedWith($"recreated {Name} (spec changed)");
        }

        if (!existing.State.Running)
        {
            await engine.StartContainerAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            return TaskResult.ChangedWith($"started {Name} (was {existing.State.Status.ToString().ToLowerInvariant()})");
        }

        return TaskResult.UnchangedWith($"{Name} is running with this spec");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        var existing = await EngineLookup.FindContainerAsync(engine, Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return CheckResult.WouldChange($"would create {Name}");
        }

        if (!existing.Labels.TryGetValue(ConfigHashLabel, out var hash))
        {
            return CheckResult.Unknown($"{Name} exists but was not created by a plan: the task would fail");
        }

        return hash != Hash ? CheckResult.WouldChange($"would recreate {Name} (spec changed)")
            : !existing.State.Running ? CheckResult.WouldChange($"would start {Name}")
            : CheckResult.NoChange($"{Name} is running with this spec");
    }

    private string OwnedHash(TaskContext context, IEngineClient engine, ContainerInfo existing)
    {
        if (existing.Labels.TryGetValue(ConfigHashLabel, out var hash))
        {
            return hash;
        }

        throw new InvalidOperationException(
            $"Task '{context.TaskName}': {EngineLookup.Describe("container", Name, engine)} exists but was not created by a plan (it has no {ConfigHashLabel} label), so it is left alone. Remove or rename it, or give the task another name.");
    }

    private async Task CreateAndStartAsync(TaskContext context, IEngineClient engine, CancellationToken cancellationToken)
    {
        ContainerCreated created;
        try
        {
            created = await engine.CreateContainerAsync(Spec, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': cannot create {EngineLookup.Describe("container", Name, engine)}: {ex.Message}. Add an 'image' (or 'network') task it depends on.", ex);
        }

        await engine.StartContainerAsync(created.Id, cancellationToken).ConfigureAwait(false);
    }
}

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// The engine-backed YAML operation types: <c>image</c>, <c>network</c>, <c>container</c>,
/// <c>stop</c>, <c>remove</c>, <c>restart</c>, <c>exec</c> and <c>wait</c>. They reach their engine
/// through <see cref="TaskContext.GetEngineAsync"/> (the task's <c>target</c>, resolved by
/// <see cref="PlanOptions.Engines"/>).
/// </summary>
/// <example>
/// <code>
/// var registry = EngineOperations.Register(OperationRegistry.CreateDefault());
/// var plan = YamlPlanLoader.LoadFile("web.yaml", new YamlPlanLoadOptions { Operations = registry, PlanOptions = new() { Engines = resolver } });
/// </code>
/// </example>
public static class EngineOperations
{
    /// <summary>The type names this class registers, sorted.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        ContainerOperation.TypeName, ExecOperation.TypeName, ImageOperation.TypeName, NetworkOperation.TypeName,
        RemoveOperation.TypeName, RestartOperation.TypeName, StopOperation.TypeName, WaitOperation.TypeName,
    ];

    /// <summary>Adds the engine-backed types to <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry (usually <see cref="OperationRegistry.CreateDefault"/>).</param>
    /// <returns>The same registry.</returns>
    public static OperationRegistry Register(OperationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register(ImageOperation.TypeName, EngineOperationFactories.Image)
            .Register(NetworkOperation.TypeName, EngineOperationFactories.Network)
            .Register(ContainerOperation.TypeName, EngineOperationFactories.Container)
            .Register(StopOperation.TypeName, EngineOperationFactories.Stop)
            .Register(RemoveOperation.TypeName, EngineOperationFactories.Remove)
            .Register(RestartOperation.TypeName, EngineOperationFactories.Restart)
            .Register(ExecOperation.TypeName, EngineOperationFactories.Exec)
            .Register(WaitOperation.TypeName, EngineOperationFactories.Wait);
    }
}

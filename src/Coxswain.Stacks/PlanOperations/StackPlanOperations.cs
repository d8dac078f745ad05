using Coxswain.Plans;
using Coxswain.Plans.Operations;

namespace Coxswain.Stacks.PlanOperations;

/// <summary>
/// The Compose-backed YAML operation type <c>stack</c>: <c>file</c> (required, relative to the plan file's folder),
/// <c>project</c>, <c>state</c> (up, the default, or down), <c>wait</c> (up) and <c>remove_volumes</c> (down); and
/// <c>wait</c> with <c>for: healthy</c> (see <see cref="HealthyWaitFactory"/>).
/// </summary>
/// <example>
/// <code>
/// var registry = StackPlanOperations.Register(EngineOperations.Register(OperationRegistry.CreateDefault()));
/// </code>
/// </example>
public static class StackPlanOperations
{
    private const string WaitTypeName = Coxswain.Plans.Operations.Engine.WaitOperation.TypeName;

    /// <summary>Adds the <c>stack</c> type to <paramref name="registry"/> and replaces <c>wait</c> by one that also knows <c>for: healthy</c>.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The same registry.</returns>
    public static OperationRegistry Register(OperationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var other = registry.Find(WaitTypeName);
        return registry
            .Register(StackPlanOperation.TypeName, Create)
            .Register(WaitTypeName, a => HealthyWaitFactory.Create(a, other));
    }

    /// <summary>Reads a <c>stack</c> task's keys; errors are recorded in <paramref name="a"/>.</summary>
    /// <param name="a">The task's arguments.</param>
    /// <returns>The operation, or null when a key is wrong.</returns>
    public static IOperation? Create(OperationArguments a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var file = a.GetString("file", required: true);
        var project = a.GetString("project");
        var state = a.GetString("state") switch
        {
            null or "up" => StackTaskState.Up,
            "down" => StackTaskState.Down,
            var other => Bad(a, other),
        };
        var wait = a.GetBool("wait") ?? false;
        var removeVolumes = a.GetBool("remove_volumes") ?? false;
        if (wait && state == StackTaskState.Down)
        {
            a.Error("wait", "'wait' applies to 'state: up' only; remove it or use 'state: up'.");
        }

        if (removeVolumes && state == StackTaskState.Up)
        {
            a.Error("remove_volumes", "'remove_volumes' applies to 'state: down' only; remove it or use 'state: down'.");
        }

        if (a.HasErrors || file is null)
        {
            return null;
        }

        var path = Path.GetFullPath(file, a.BaseDirectory ?? Directory.GetCurrentDirectory());
        return new StackPlanOperation(new StackTaskSpec(path) { Project = project, State = state, Wait = wait, RemoveVolumes = removeVolumes });
    }

    private static StackTaskState Bad(OperationArguments a, string value)
    {
        a.Error("state", $"'state' must be 'up' or 'down', not '{value}'.");
        return StackTaskState.Up;
    }
}

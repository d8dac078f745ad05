namespace Coxswain.Plans.Operations;

/// <summary>
/// Maps the <c>type</c> of a YAML task to a factory that builds its <see cref="IOperation"/> from
/// the task's <see cref="OperationArguments"/>. <see cref="CreateDefault"/> holds the built-ins
/// (command, http, noop, fail); the CLI and Stacks register engine-backed types the same way.
/// </summary>
public sealed class OperationRegistry
{
    private readonly Dictionary<string, Func<OperationArguments, IOperation?>> factories = new(StringComparer.Ordinal);

    /// <summary>The registered type names, sorted.</summary>
    public IReadOnlyList<string> Types => [.. factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with the built-in types: command, http, noop, fail.</summary>
    public static OperationRegistry CreateDefault() => new OperationRegistry()
        .Register(CommandOperation.TypeName, BuiltInOperations.Command)
        .Register(HttpOperation.TypeName, BuiltInOperations.Http)
        .Register(NoopOperation.TypeName, BuiltInOperations.Noop)
        .Register(FailOperation.TypeName, BuiltInOperations.Fail);

    /// <summary>
    /// Registers (or replaces) the factory of a type. The factory reads its keys from the
    /// arguments, records errors there, and returns null when it cannot build the operation.
    /// </summary>
    /// <param name="type">The type name used in YAML.</param>
    /// <param name="factory">Builds the operation.</param>
    /// <returns>This registry.</returns>
    public OperationRegistry Register(string type, Func<OperationArguments, IOperation?> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(factory);
        factories[type] = factory;
        return this;
    }

    /// <summary>The factory registered for <paramref name="type"/>, or null; lets a registration extend a type it replaces.</summary>
    /// <param name="type">A type name.</param>
    public Func<OperationArguments, IOperation?>? Find(string type) => factories.GetValueOrDefault(type);

    /// <summary>True when <paramref name="type"/> is registered.</summary>
    /// <param name="type">A type name.</param>
    public bool Contains(string type) => factories.ContainsKey(type);

    internal IOperation? Create(OperationArguments arguments)
    {
        try
        {
            return factories[arguments.Type](arguments);
        }
        catch (ArgumentException ex)
        {
            arguments.Error(ex.Message);
            return null;
        }
    }
}

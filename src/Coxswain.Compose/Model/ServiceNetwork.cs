namespace Coxswain.Compose;

/// <summary>A network a service joins.</summary>
/// <param name="Name">The key of a top-level network (<c>default</c> when the service names none).</param>
public sealed record ServiceNetwork(string Name)
{
    /// <summary>Extra DNS names of the service on this network (the service name always resolves).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

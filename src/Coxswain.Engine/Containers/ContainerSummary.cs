namespace Coxswain.Engine;

/// <summary>A container as listed.</summary>
public sealed record ContainerSummary
{
    /// <summary>Full id.</summary>
    public required string Id { get; init; }

    /// <summary>Name without the leading slash.</summary>
    public required string Name { get; init; }

    /// <summary>Image reference.</summary>
    public required string Image { get; init; }

    /// <summary>Lifecycle status.</summary>
    public required ContainerStatus Status { get; init; }

    /// <summary>The engine's human status text ("Up 3 minutes", "Exited (1) 2 seconds ago").</summary>
    public string StatusText { get; init; } = "";

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; init; }
}

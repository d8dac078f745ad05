namespace Coxswain.Engine;

/// <summary>Filters for listing containers. All given filters must match.</summary>
public sealed record ContainerListOptions
{
    /// <summary>Only running containers (the engine's default listing); false lists all.</summary>
    public bool RunningOnly { get; init; }

    /// <summary>Label filters: "key" (label present) or "key=value".</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Name filter (substring match, as the engine does).</summary>
    public string? Name { get; init; }
}

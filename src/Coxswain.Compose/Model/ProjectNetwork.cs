namespace Coxswain.Compose;

/// <summary>A top-level network (declared, or the implicit <c>default</c>).</summary>
/// <param name="Name">The key services use.</param>
/// <param name="ActualName">The engine's name: <c>name:</c> when given (as is), else <c>&lt;project&gt;_&lt;key&gt;</c>; for an external network, <c>name:</c> or the key.</param>
public sealed record ProjectNetwork(string Name, string ActualName)
{
    /// <summary>Where it was declared; null for the implicit default network.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The driver, or null for the engine's default (bridge).</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options.</summary>
    public IReadOnlyDictionary<string, string> DriverOptions { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Managed outside the project: never created or removed by Coxswain.</summary>
    public bool External { get; init; }

    /// <summary>No outside connectivity.</summary>
    public bool Internal { get; init; }

    /// <summary>Standalone containers may attach (overlay networks).</summary>
    public bool Attachable { get; init; }
}

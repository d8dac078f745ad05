namespace Coxswain.Compose;

/// <summary>A top-level volume.</summary>
/// <param name="Name">The key services use.</param>
/// <param name="ActualName">The engine's name: <c>name:</c> when given (as is), else <c>&lt;project&gt;_&lt;key&gt;</c>; for an external volume, <c>name:</c> or the key.</param>
public sealed record ProjectVolume(string Name, string ActualName)
{
    /// <summary>Where it was declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The driver, or null for the engine's default (local).</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options.</summary>
    public IReadOnlyDictionary<string, string> DriverOptions { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Managed outside the project: never created or removed by Coxswain.</summary>
    public bool External { get; init; }
}

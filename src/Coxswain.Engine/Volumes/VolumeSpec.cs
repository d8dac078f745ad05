namespace Coxswain.Engine;

/// <summary>A volume to create.</summary>
public sealed record VolumeSpec(string Name)
{
    /// <summary>Driver ("local" by default).</summary>
    public string Driver { get; init; } = "local";

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Driver options.</summary>
    public IReadOnlyDictionary<string, string>? DriverOptions { get; init; }
}

namespace Coxswain.Engine;

/// <summary>A volume as inspected or listed.</summary>
public sealed record VolumeInfo(string Name, string Driver, string Mountpoint)
{
    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

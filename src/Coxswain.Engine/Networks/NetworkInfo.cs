namespace Coxswain.Engine;

/// <summary>A network as inspected or listed.</summary>
public sealed record NetworkInfo(string Id, string Name, string Driver)
{
    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether it is internal.</summary>
    public bool Internal { get; init; }

    /// <summary>Ids of attached containers (filled by inspect; list may leave it empty).</summary>
    public IReadOnlyList<string> ContainerIds { get; init; } = [];
}

namespace Coxswain.Engine;

/// <summary>A network to create.</summary>
public sealed record NetworkSpec(string Name)
{
    /// <summary>Driver ("bridge" by default).</summary>
    public string Driver { get; init; } = "bridge";

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>No outside connectivity.</summary>
    public bool Internal { get; init; }

    /// <summary>Standalone containers may attach (swarm overlay networks).</summary>
    public bool Attachable { get; init; }
}

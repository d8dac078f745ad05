namespace Coxswain.Engine;

/// <summary>Which events to receive. Empty lists mean "any".</summary>
public sealed record EventFilter
{
    /// <summary>Replay events from this time on before streaming live ones.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Stop at this time (the stream then ends).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Object types: "container", "image", "network", "volume".</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Actions: "create", "start", "die", ...</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Label filters ("key" or "key=value").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Container ids or names.</summary>
    public IReadOnlyList<string> Containers { get; init; } = [];
}

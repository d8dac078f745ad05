namespace Coxswain.Engine;

/// <summary>One engine event, e.g. Type "container", Action "die", with the actor's attributes (name, labels, exitCode).</summary>
public sealed record EngineEvent(string Type, string Action, string ActorId, DateTimeOffset Time)
{
    /// <summary>Actor attributes: for containers, "name", "image", "exitCode" and every label.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The "name" attribute, or the actor id.</summary>
    public string ActorName => Attributes.TryGetValue("name", out var name) ? name : ActorId;
}

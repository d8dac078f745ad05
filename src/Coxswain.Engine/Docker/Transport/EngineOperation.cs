namespace Coxswain.Engine.Docker;

/// <summary>What a request does, for messages: <see cref="Description"/> reads like "start container web-1";
/// <see cref="ResourceKind"/> and <see cref="Resource"/> name what a 404 means was not found.</summary>
internal readonly record struct EngineOperation(string Description, string ResourceKind, string Resource)
{
    /// <summary>An operation on one named object: "start container web-1".</summary>
    public static EngineOperation On(string verb, string kind, string resource) => new($"{verb} {kind} {resource}", kind, resource);

    /// <summary>An operation on no particular object ("list containers", "ping").</summary>
    public static EngineOperation General(string description) => new(description, "", "");
}

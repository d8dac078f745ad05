namespace Coxswain.Compose;

/// <summary>A name a service refers to (a network, volume, secret or config), where it was written, for validation.</summary>
internal sealed record ServiceReference(string Kind, string Name, SourceLocation Location, string Path);

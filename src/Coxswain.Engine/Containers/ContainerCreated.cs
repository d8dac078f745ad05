namespace Coxswain.Engine;

/// <summary>The result of a create: the new container's id and the engine's warnings.</summary>
public sealed record ContainerCreated(string Id, IReadOnlyList<string> Warnings);

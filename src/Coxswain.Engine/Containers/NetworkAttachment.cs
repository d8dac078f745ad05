namespace Coxswain.Engine;

/// <summary>A network the container joins, with the DNS aliases it answers to there.</summary>
public sealed record NetworkAttachment(string Network, IReadOnlyList<string>? Aliases = null);

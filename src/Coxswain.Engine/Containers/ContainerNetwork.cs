namespace Coxswain.Engine;

/// <summary>A container's place on one network.</summary>
public sealed record ContainerNetwork(string NetworkId, string IPAddress, IReadOnlyList<string> Aliases);

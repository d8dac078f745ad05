namespace Coxswain.Engine.Testing;

/// <summary>A container's configured place on one network; <see cref="IPAddress"/> is set while it runs.</summary>
internal sealed class NetworkEndpoint(string networkId, IReadOnlyList<string> aliases)
{
    public string NetworkId { get; } = networkId;

    public IReadOnlyList<string> Aliases { get; set; } = aliases;

    public string IPAddress { get; set; } = "";
}

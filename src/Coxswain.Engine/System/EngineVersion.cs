namespace Coxswain.Engine;

/// <summary>What <c>GET /version</c> says.</summary>
public sealed record EngineVersion(EngineKind Kind, string Version, string ApiVersion, string MinApiVersion)
{
    /// <summary>Operating system of the engine ("linux").</summary>
    public string Os { get; init; } = "";

    /// <summary>CPU architecture ("amd64").</summary>
    public string Arch { get; init; } = "";

    /// <summary>Kernel version.</summary>
    public string KernelVersion { get; init; } = "";
}

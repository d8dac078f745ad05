using System.Text.Json;

namespace Coxswain.Engine.Docker;

// Wire shapes of the network and volume endpoints.
internal sealed class NetworkCreateBody
{
    public string Name { get; set; } = "";

    public string Driver { get; set; } = "bridge";

    public Dictionary<string, string>? Labels { get; set; }

    public bool Internal { get; set; }

    public bool Attachable { get; set; }

    public bool CheckDuplicate { get; set; } = true;
}

internal sealed class NetworkDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Driver { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public bool Internal { get; set; }

    public Dictionary<string, JsonElement>? Containers { get; set; }
}

internal sealed class NetworkConnectBody
{
    public string Container { get; set; } = "";

    public EndpointSettingsBody? EndpointConfig { get; set; }
}

internal sealed class NetworkDisconnectBody
{
    public string Container { get; set; } = "";

    public bool Force { get; set; }
}

internal sealed class NetworkPruneDto
{
    public List<string>? NetworksDeleted { get; set; }
}

internal sealed class VolumeCreateBody
{
    public string Name { get; set; } = "";

    public string Driver { get; set; } = "local";

    public Dictionary<string, string>? Labels { get; set; }

    public Dictionary<string, string>? DriverOpts { get; set; }
}

internal sealed class VolumeDto
{
    public string? Name { get; set; }

    public string? Driver { get; set; }

    public string? Mountpoint { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}

internal sealed class VolumeListDto
{
    public List<VolumeDto>? Volumes { get; set; }
}

internal sealed class VolumePruneDto
{
    public List<string>? VolumesDeleted { get; set; }
}

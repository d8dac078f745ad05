namespace Coxswain.Engine.Docker;

// Wire shape of POST /containers/create. Null members are left out of the JSON (the engine's defaults apply).
internal sealed class ContainerCreateBody
{
    public string? Hostname { get; set; }

    public string? User { get; set; }

    public bool Tty { get; set; }

    public bool OpenStdin { get; set; }

    public bool? StdinOnce { get; set; }

    public bool? AttachStdin { get; set; }

    public bool? AttachStdout { get; set; }

    public bool? AttachStderr { get; set; }

    public List<string>? Env { get; set; }

    public List<string>? Cmd { get; set; }

    public List<string>? Entrypoint { get; set; }

    public string Image { get; set; } = "";

    public Dictionary<string, string>? Labels { get; set; }

    public string? WorkingDir { get; set; }

    public Dictionary<string, EmptyObject>? ExposedPorts { get; set; }

    public string? StopSignal { get; set; }

    public long? StopTimeout { get; set; }

    public HealthcheckBody? Healthcheck { get; set; }

    public HostConfigBody HostConfig { get; set; } = new();

    public NetworkingConfigBody? NetworkingConfig { get; set; }
}

internal sealed class EmptyObject;

internal sealed class HealthcheckBody
{
    public List<string> Test { get; set; } = [];

    public long? Interval { get; set; }

    public long? Timeout { get; set; }

    public int? Retries { get; set; }

    public long? StartPeriod { get; set; }

    public long? StartInterval { get; set; }
}

internal sealed class HostConfigBody
{
    public string? NetworkMode { get; set; }

    public Dictionary<string, List<PortBindingDto>>? PortBindings { get; set; }

    public List<MountBody>? Mounts { get; set; }

    public RestartPolicyBody? RestartPolicy { get; set; }

    public long? Memory { get; set; }

    public long? MemoryReservation { get; set; }

    public long? MemorySwap { get; set; }

    public long? NanoCpus { get; set; }

    public long? CpuShares { get; set; }

    public long? PidsLimit { get; set; }

    public bool ReadonlyRootfs { get; set; }

    public List<string>? CapAdd { get; set; }

    public List<string>? CapDrop { get; set; }

    public List<string>? SecurityOpt { get; set; }

    public List<string>? ExtraHosts { get; set; }

    public bool? Init { get; set; }
}

internal sealed class PortBindingDto
{
    public string? HostIp { get; set; }

    public string? HostPort { get; set; }
}

internal sealed class MountBody
{
    public string Type { get; set; } = "";

    public string? Source { get; set; }

    public string Target { get; set; } = "";

    public bool ReadOnly { get; set; }

    public VolumeOptionsBody? VolumeOptions { get; set; }

    public TmpfsOptionsBody? TmpfsOptions { get; set; }
}

internal sealed class VolumeOptionsBody
{
    public Dictionary<string, string>? Labels { get; set; }
}

internal sealed class TmpfsOptionsBody
{
    public long? SizeBytes { get; set; }

    public int? Mode { get; set; }
}

internal sealed class RestartPolicyBody
{
    public string Name { get; set; } = "";

    public int MaximumRetryCount { get; set; }
}

internal sealed class NetworkingConfigBody
{
    public Dictionary<string, EndpointSettingsBody> EndpointsConfig { get; set; } = [];
}

internal sealed class EndpointSettingsBody
{
    public List<string>? Aliases { get; set; }
}

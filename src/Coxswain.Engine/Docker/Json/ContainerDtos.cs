namespace Coxswain.Engine.Docker;

// Wire shapes read from the container endpoints (inspect, list, create and wait answers).
internal sealed class IdResponseDto
{
    public string? Id { get; set; }

    public List<string>? Warnings { get; set; }
}

internal sealed class WaitResponseDto
{
    public long StatusCode { get; set; }

    public WaitErrorDto? Error { get; set; }
}

internal sealed class WaitErrorDto
{
    public string? Message { get; set; }
}

internal sealed class ContainerInspectDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Image { get; set; }

    public string? Created { get; set; }

    public string? Path { get; set; }

    public List<string>? Args { get; set; }

    public long RestartCount { get; set; }

    public ContainerStateDto? State { get; set; }

    public ContainerConfigDto? Config { get; set; }

    public ContainerHostConfigDto? HostConfig { get; set; }

    public NetworkSettingsDto? NetworkSettings { get; set; }
}

internal sealed class ContainerStateDto
{
    public string? Status { get; set; }

    public bool Running { get; set; }

    public long ExitCode { get; set; }

    public bool OOMKilled { get; set; }

    public long Pid { get; set; }

    public string? Error { get; set; }

    public string? StartedAt { get; set; }

    public string? FinishedAt { get; set; }

    public HealthDto? Health { get; set; }
}

internal sealed class HealthDto
{
    public string? Status { get; set; }

    public int FailingStreak { get; set; }
}

internal sealed class ContainerConfigDto
{
    public string? Image { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public List<string>? Env { get; set; }

    public bool Tty { get; set; }
}

internal sealed class ContainerHostConfigDto
{
    public long Memory { get; set; }
}

internal sealed class NetworkSettingsDto
{
    public Dictionary<string, EndpointDto>? Networks { get; set; }

    public Dictionary<string, List<PortBindingDto>?>? Ports { get; set; }
}

internal sealed class EndpointDto
{
    public string? NetworkID { get; set; }

    public string? IPAddress { get; set; }

    public List<string>? Aliases { get; set; }
}

internal sealed class ContainerListItemDto
{
    public string? Id { get; set; }

    public List<string>? Names { get; set; }

    public string? Image { get; set; }

    public string? State { get; set; }

    public string? Status { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public long Created { get; set; }
}

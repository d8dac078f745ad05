namespace Coxswain.Engine.Docker;

// Wire shapes of GET /version, GET /info and GET /events (only the fields Coxswain reads).
internal sealed class VersionDto
{
    public NamedDto? Platform { get; set; }

    public List<ComponentDto>? Components { get; set; }

    public string? Version { get; set; }

    public string? ApiVersion { get; set; }

    public string? MinAPIVersion { get; set; }

    public string? Os { get; set; }

    public string? Arch { get; set; }

    public string? KernelVersion { get; set; }
}

internal sealed class NamedDto
{
    public string? Name { get; set; }
}

internal sealed class ComponentDto
{
    public string? Name { get; set; }

    public string? Version { get; set; }
}

internal sealed class InfoDto
{
    public string? Name { get; set; }

    public string? ServerVersion { get; set; }

    public int Containers { get; set; }

    public int ContainersRunning { get; set; }

    public int Images { get; set; }

    public string? OperatingSystem { get; set; }

    public int NCPU { get; set; }

    public long MemTotal { get; set; }

    public string? Driver { get; set; }

    public string? CgroupVersion { get; set; }
}

internal sealed class EventDto
{
    public string? Type { get; set; }

    public string? Action { get; set; }

    public string? Status { get; set; }

    public string? Id { get; set; }

    public EventActorDto? Actor { get; set; }

    public long Time { get; set; }

    public long TimeNano { get; set; }
}

internal sealed class EventActorDto
{
    public string? ID { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }
}

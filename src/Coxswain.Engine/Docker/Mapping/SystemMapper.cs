namespace Coxswain.Engine.Docker;

/// <summary>Version, info and event answers → the public records.</summary>
internal static class SystemMapper
{
    public static EngineVersion ToVersion(VersionDto dto)
    {
        var isPodman = (dto.Components ?? []).Any(c => c.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true)
            || dto.Platform?.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true;
        return new EngineVersion(isPodman ? EngineKind.Podman : EngineKind.Docker, dto.Version ?? "", dto.ApiVersion ?? "", dto.MinAPIVersion ?? "")
        {
            Os = dto.Os ?? "",
            Arch = dto.Arch ?? "",
            KernelVersion = dto.KernelVersion ?? "",
        };
    }

    public static EngineInfo ToInfo(InfoDto dto) => new()
    {
        Name = dto.Name ?? "",
        ServerVersion = dto.ServerVersion ?? "",
        Containers = dto.Containers,
        ContainersRunning = dto.ContainersRunning,
        Images = dto.Images,
        OperatingSystem = dto.OperatingSystem ?? "",
        Cpus = dto.NCPU,
        MemoryBytes = dto.MemTotal,
        StorageDriver = dto.Driver ?? "",
        CgroupVersion = dto.CgroupVersion ?? "",
    };

    /// <summary>An event; the action is kept as the engine sent it ("exec_start: sh -c ...", "health_status: healthy").</summary>
    public static EngineEvent ToEvent(EventDto dto) =>
        new(dto.Type ?? "", dto.Action ?? dto.Status ?? "", dto.Actor?.ID ?? dto.Id ?? "", EngineTime.FromUnix(dto.Time, dto.TimeNano))
        {
            Attributes = dto.Actor?.Attributes ?? new Dictionary<string, string>(),
        };

    public static Dictionary<string, List<string>>? EventFilters(EventFilter filter)
    {
        var filters = Query.WithFilter(null, "type", filter.Types);
        filters = Query.WithFilter(filters, "event", filter.Actions);
        filters = Query.WithFilter(filters, "label", filter.Labels);
        return Query.WithFilter(filters, "container", filter.Containers);
    }
}

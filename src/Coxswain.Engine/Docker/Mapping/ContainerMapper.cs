using System.Globalization;

namespace Coxswain.Engine.Docker;

/// <summary>Container inspect and list answers → <see cref="ContainerInfo"/> and <see cref="ContainerSummary"/>.</summary>
internal static class ContainerMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static ContainerInfo ToInfo(ContainerInspectDto dto)
    {
        var state = dto.State ?? new ContainerStateDto();
        var command = new List<string>();
        if (!string.IsNullOrEmpty(dto.Path))
        {
            command.Add(dto.Path);
        }

        command.AddRange(dto.Args ?? []);
        return new ContainerInfo
        {
            Id = dto.Id ?? "",
            Name = TrimName(dto.Name),
            Image = dto.Config?.Image ?? dto.Image ?? "",
            ImageId = dto.Image ?? "",
            Created = EngineTime.Parse(dto.Created) ?? default,
            Labels = dto.Config?.Labels ?? NoLabels,
            Environment = dto.Config?.Env ?? [],
            Command = command,
            Tty = dto.Config?.Tty ?? false,
            RestartCount = dto.RestartCount,
            State = new ContainerState
            {
                Status = ParseStatus(state.Status),
                Running = state.Running,
                ExitCode = state.ExitCode,
                OomKilled = state.OOMKilled,
                Pid = state.Pid,
                Error = state.Error ?? "",
                StartedAt = EngineTime.Parse(state.StartedAt),
                FinishedAt = EngineTime.Parse(state.FinishedAt),
                Health = state.Health is { Status: { Length: > 0 } status } health ? new HealthState(status, health.FailingStreak) : null,
            },
            Networks = (dto.NetworkSettings?.Networks ?? []).ToDictionary(
                n => n.Key,
                n => new ContainerNetwork(n.Value.NetworkID ?? "", n.Value.IPAddress ?? "", n.Value.Aliases ?? []),
                StringComparer.Ordinal),
            Ports = Ports(dto.NetworkSettings?.Ports),
            MemoryLimitBytes = dto.HostConfig?.Memory ?? 0,
        };
    }

    public static ContainerSummary ToSummary(ContainerListItemDto dto) => new()
    {
        Id = dto.Id ?? "",
        Name = TrimName(dto.Names is { Count: > 0 } names ? names[0] : ""),
        Image = dto.Image ?? "",
        Status = ParseStatus(dto.State),
        StatusText = dto.Status ?? "",
        Labels = dto.Labels ?? NoLabels,
        Created = DateTimeOffset.FromUnixTimeSeconds(dto.Created),
    };

    /// <summary>The engine's status word → <see cref="ContainerStatus"/>; Podman's own words ("configured", "stopped", ...) included.</summary>
    public static ContainerStatus ParseStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "created" or "configured" or "initialized" => ContainerStatus.Created,
        "running" or "stopping" => ContainerStatus.Running,
        "paused" => ContainerStatus.Paused,
        "restarting" => ContainerStatus.Restarting,
        "removing" => ContainerStatus.Removing,
        "exited" or "stopped" => ContainerStatus.Exited,
        _ => ContainerStatus.Dead,
    };

    private static string TrimName(string? name) => name is null ? "" : name.TrimStart('/');

    private static List<PortBinding> Ports(Dictionary<string, List<PortBindingDto>?>? ports)
    {
        var result = new List<PortBinding>();
        foreach (var (key, bindings) in ports ?? [])
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var protocol = slash < 0 ? "tcp" : key[(slash + 1)..];
            if (!int.TryParse(slash < 0 ? key : key[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
            {
                continue;
            }

            foreach (var binding in bindings ?? [])
            {
                int? hostPort = int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : null;
                result.Add(new PortBinding(containerPort, hostPort, protocol, string.IsNullOrEmpty(binding.HostIp) ? null : binding.HostIp));
            }
        }

        return result;
    }
}

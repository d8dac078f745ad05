using Coxswain.Stacks;

namespace Coxswain.Apps;

/// <summary>The health of one container of an app.</summary>
/// <param name="AppId">The app.</param>
/// <param name="Container">The container name.</param>
/// <param name="Service">Its Compose service.</param>
/// <param name="State">The state shown to people (healthy, unhealthy, starting, running, crashed (exit N), ...).</param>
/// <param name="Health">The probe's verdict; null when the service has no healthcheck or the container does not run.</param>
public sealed record ContainerHealthReport(string AppId, string Container, string Service, string State, HealthStatus? Health)
{
    /// <summary>The latest probe output (trimmed), when a probe ran.</summary>
    public string? Output { get; init; }

    /// <summary>Failed probes in a row, when known.</summary>
    public int FailingStreak { get; init; }

    /// <summary>Where the verdict comes from: "monitor" (the host's running probes), "probe" (one probe run now), or "none".</summary>
    public string Source { get; init; } = "none";
}

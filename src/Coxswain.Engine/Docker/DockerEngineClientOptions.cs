namespace Coxswain.Engine;

/// <summary>Settings of a <see cref="DockerEngineClient"/>. The defaults suit a local engine.</summary>
public sealed record DockerEngineClientOptions
{
    /// <summary>The default Engine API version: 1.41 (Docker 20.10, and served by Podman 4).</summary>
    public const string DefaultApiVersion = "1.41";

    /// <summary>Engine API version requests are sent to (<c>/v{ApiVersion}/...</c>).</summary>
    public string ApiVersion { get; init; } = DefaultApiVersion;

    /// <summary>Source of time for every timeout and timestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Longest time a non-streaming call may take (default 2 minutes). Streaming calls (logs, events, pull, build,
    /// wait, exec output) are bounded only by their cancellation token.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest time opening a connection to the engine may take (default 1 second).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest time a ping may take before the engine is reported unavailable (default 5 seconds).</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What to tell a person when the engine does not answer.</summary>
    public string UnavailableHint { get; init; } =
        "is dockerd (or podman system service) running? start the test engines with scripts/engines.sh start, or set DOCKER_HOST";
}

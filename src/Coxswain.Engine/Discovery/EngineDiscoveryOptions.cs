namespace Coxswain.Engine;

/// <summary>How <see cref="EngineDiscovery"/> looks for an engine. The defaults suit the <c>cox</c> command on a real machine.</summary>
public sealed record EngineDiscoveryOptions
{
    /// <summary>Default <see cref="PingTimeout"/>: 500 ms.</summary>
    public static readonly TimeSpan DefaultPingTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Default <see cref="VersionTimeout"/>: 5 s.</summary>
    public static readonly TimeSpan DefaultVersionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="PodmanStartTimeout"/>: 10 s.</summary>
    public static readonly TimeSpan DefaultPodmanStartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="PodmanPollInterval"/>: 100 ms.</summary>
    public static readonly TimeSpan DefaultPodmanPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>An explicit address (the <c>--host</c> option). When set it is the only candidate: no fallback, no Podman start.</summary>
    public string? Host { get; init; }

    /// <summary>Variables, PATH lookup, file checks and well-known socket paths.</summary>
    public DiscoveryEnvironment Environment { get; init; } = DiscoveryEnvironment.System;

    /// <summary>Creates the client for a candidate; null means a <see cref="DockerEngineClient"/> on <see cref="TimeProvider"/>.
    /// Clients of candidates not chosen are disposed.</summary>
    public Func<EngineEndpoint, IEngineClient>? ClientFactory { get; init; }

    /// <summary>Starts <c>podman system service</c> when nothing answers; null means <see cref="PodmanServiceStarter"/>.</summary>
    public IPodmanServiceStarter? PodmanStarter { get; init; }

    /// <summary>Whether to start a Podman service when nothing answers and <c>podman</c> is on PATH (default true).</summary>
    public bool StartPodmanService { get; init; } = true;

    /// <summary>Longest wait for one try of a candidate's ping (candidates are pinged in parallel).</summary>
    public TimeSpan PingTimeout { get; init; } = DefaultPingTimeout;

    /// <summary>How many times a ping that timed out is tried (default 2): the first request of a cold process on a busy machine
    /// can miss 500 ms. Pings that fail otherwise (missing socket, refused) are not retried. With nothing answering at all,
    /// discovery takes at most about <see cref="PingTimeout"/> × <see cref="PingAttempts"/>, as candidates are pinged in parallel.</summary>
    public int PingAttempts { get; init; } = 2;

    /// <summary>Longest wait for the chosen engine's version.</summary>
    public TimeSpan VersionTimeout { get; init; } = DefaultVersionTimeout;

    /// <summary>Longest wait for a started Podman service to answer.</summary>
    public TimeSpan PodmanStartTimeout { get; init; } = DefaultPodmanStartTimeout;

    /// <summary>How often a started Podman service is pinged while it starts.</summary>
    public TimeSpan PodmanPollInterval { get; init; } = DefaultPodmanPollInterval;

    /// <summary>Source of time for every timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives what discovery does that a person should know (a Podman service started or stopped).</summary>
    public Action<string>? Log { get; init; }
}

namespace Coxswain.Compose;

/// <summary>
/// One service, normalized: every Compose syntax form resolved to one shape (lists, ordered maps, <see cref="TimeSpan"/> durations,
/// byte counts), relative paths made absolute, variables interpolated, several files merged.
/// </summary>
/// <param name="Name">The service's key.</param>
public sealed record ServiceModel(string Name)
{
    /// <summary>Where the service's key was written (the first file that defines it).</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The image to run (or to tag the build with), or null when only <see cref="Build"/> is given.</summary>
    public string? Image { get; init; }

    /// <summary>How to build the image, or null.</summary>
    public ServiceBuild? Build { get; init; }

    /// <summary><c>pull_policy</c>: <c>always</c>, <c>never</c>, <c>missing</c>, <c>build</c>, <c>daily</c>, <c>weekly</c> or <c>every_&lt;duration&gt;</c> (<c>if_not_present</c> is read as <c>missing</c>); null when not given.</summary>
    public string? PullPolicy { get; init; }

    /// <summary>The command (arguments to the entrypoint); a string is split like a shell would. Null: the image's; empty: none.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The entrypoint; a string is split like a shell would. Null: the image's; empty: none.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The container's environment in file order: <c>env_file</c> entries first, then <c>environment</c> over them. A bare <c>KEY</c> takes the value Compose variables have (process environment, then .env); unset ones are left out.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>The env files read into <see cref="Environment"/>.</summary>
    public IReadOnlyList<EnvFileReference> EnvFiles { get; init; } = [];

    /// <summary>Container labels in file order.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Published and exposed-with-mapping ports, one entry per port.</summary>
    public IReadOnlyList<ServicePort> Ports { get; init; } = [];

    /// <summary>Ports exposed to other containers without publishing (<c>"3306"</c>, <c>"3000-3005"</c>, <c>"53/udp"</c>).</summary>
    public IReadOnlyList<string> Expose { get; init; } = [];

    /// <summary>Volumes, binds and tmpfs mounts.</summary>
    public IReadOnlyList<ServiceMount> Volumes { get; init; } = [];

    /// <summary>The <c>tmpfs</c> field: container paths, each optionally with <c>:options</c> (<c>/run:size=64m</c>).</summary>
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary>Networks joined, in file order; <c>default</c> when the service names none.</summary>
    public IReadOnlyList<ServiceNetwork> Networks { get; init; } = [];

    /// <summary>Services that must be ready first.</summary>
    public IReadOnlyList<ServiceDependency> DependsOn { get; init; } = [];

    /// <summary>The healthcheck, or null when the file gives none (the image's applies).</summary>
    public ServiceHealthcheck? Healthcheck { get; init; }

    /// <summary>The restart policy, or null when not given (no restart).</summary>
    public ServiceRestart? Restart { get; init; }

    /// <summary>Time between the stop signal and SIGKILL, or null for the default (10 s).</summary>
    public TimeSpan? StopGracePeriod { get; init; }

    /// <summary>The stop signal, or null for SIGTERM.</summary>
    public string? StopSignal { get; init; }

    /// <summary>The user (name, uid, or uid:gid), or null.</summary>
    public string? User { get; init; }

    /// <summary>The working directory inside the container, or null.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>Mount the root filesystem read-only.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Capabilities to add.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Capabilities to drop.</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary>Security options (e.g. <c>no-new-privileges:true</c>).</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>CPU, memory and process limits and reservations.</summary>
    public ServiceResources Resources { get; init; } = new();

    /// <summary>How many containers to run (<c>deploy.replicas</c>, or the legacy <c>scale</c>); 1 by default.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Secrets given to the service.</summary>
    public IReadOnlyList<ServiceFileReference> Secrets { get; init; } = [];

    /// <summary>Configs given to the service.</summary>
    public IReadOnlyList<ServiceFileReference> Configs { get; init; } = [];

    /// <summary>Profiles the service belongs to; empty means always active.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>A fixed container name, or null for Coxswain's <c>&lt;project&gt;-&lt;service&gt;-&lt;slot&gt;</c>.</summary>
    public string? ContainerName { get; init; }

    /// <summary>The hostname inside the container, or null.</summary>
    public string? Hostname { get; init; }

    /// <summary>Extra <c>/etc/hosts</c> entries as <c>host:ip</c>.</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>Run an init process in the container; null when not given.</summary>
    public bool? Init { get; init; }

    /// <summary>Allocate a TTY.</summary>
    public bool Tty { get; init; }

    /// <summary>Keep stdin open.</summary>
    public bool StdinOpen { get; init; }

    /// <summary>Every <c>x-*</c> field of the service, raw, with positions.</summary>
    public IReadOnlyDictionary<string, ComposeNode> Extensions { get; init; } = ModelDefaults.EmptyExtensions;

    /// <summary>Coxswain's own extension <c>x-cox</c>, raw, with positions; null when absent.</summary>
    public ComposeMapping? Cox => Extensions.GetValueOrDefault("x-cox") as ComposeMapping;

    /// <summary>True when the service is active with these profiles enabled: it has no profile, one of its profiles is enabled, or <c>*</c> is.</summary>
    /// <param name="enabledProfiles">The enabled profiles.</param>
    /// <returns>Whether the service is active.</returns>
    public bool IsActive(IReadOnlyCollection<string> enabledProfiles) =>
        Profiles.Count == 0 || enabledProfiles.Contains("*") || Profiles.Any(enabledProfiles.Contains);
}

using System.Globalization;

namespace Coxswain.Engine.Docker;

/// <summary><see cref="ContainerSpec"/> → the body of <c>POST /containers/create</c>. Pure; what is not set is left out so the
/// engine's and the image's defaults apply.</summary>
internal static class ContainerSpecMapper
{
    private const long NanosecondsPerTick = 100;

    public static ContainerCreateBody ToCreateBody(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var firstNetwork = spec.Networks.Count > 0 ? spec.Networks[0] : null;
        return new ContainerCreateBody
        {
            Image = spec.Image,
            Hostname = spec.Hostname,
            User = spec.User,
            Tty = spec.Tty,
            OpenStdin = spec.OpenStdin,
            // Only for interactive containers; others keep the engine's defaults.
            StdinOnce = spec.StdinOnce ? true : null,
            AttachStdin = spec.OpenStdin ? true : null,
            AttachStdout = spec.OpenStdin ? true : null,
            AttachStderr = spec.OpenStdin ? true : null,
            Env = spec.Environment.Count == 0 ? null : spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            Cmd = spec.Command?.ToList(),
            Entrypoint = spec.Entrypoint?.ToList(),
            Labels = spec.Labels.Count == 0 ? null : new Dictionary<string, string>(spec.Labels),
            WorkingDir = spec.WorkingDirectory,
            ExposedPorts = ExposedPorts(spec),
            StopSignal = spec.StopSignal,
            StopTimeout = spec.StopTimeout is { } stop ? (long)Math.Ceiling(stop.TotalSeconds) : null,
            Healthcheck = spec.Healthcheck is { } health ? Healthcheck(health) : null,
            HostConfig = HostConfig(spec, firstNetwork),
            NetworkingConfig = firstNetwork is null ? null : new NetworkingConfigBody
            {
                EndpointsConfig = new Dictionary<string, EndpointSettingsBody>(StringComparer.Ordinal)
                {
                    [firstNetwork.Network] = new EndpointSettingsBody { Aliases = NullIfEmpty(firstNetwork.Aliases) },
                },
            },
        };
    }

    /// <summary>"80/tcp" for a port given as "80" or "80/tcp".</summary>
    public static string PortKey(string port) => port.Contains('/', StringComparison.Ordinal) ? port : port + "/tcp";

    public static string PortKey(PortBinding binding) => string.Create(CultureInfo.InvariantCulture, $"{binding.ContainerPort}/{binding.Protocol}");

    public static long Nanoseconds(TimeSpan duration) => duration.Ticks * NanosecondsPerTick;

    private static Dictionary<string, EmptyObject>? ExposedPorts(ContainerSpec spec)
    {
        if (spec.ExposedPorts.Count == 0 && spec.Ports.Count == 0)
        {
            return null;
        }

        var ports = new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
        foreach (var port in spec.ExposedPorts)
        {
            ports[PortKey(port)] = new EmptyObject();
        }

        foreach (var binding in spec.Ports)
        {
            ports[PortKey(binding)] = new EmptyObject();
        }

        return ports;
    }

    private static HealthcheckBody Healthcheck(HealthcheckSpec health) => new()
    {
        Test = health.Test.ToList(),
        Interval = health.Interval is { } interval ? Nanoseconds(interval) : null,
        Timeout = health.Timeout is { } timeout ? Nanoseconds(timeout) : null,
        Retries = health.Retries,
        StartPeriod = health.StartPeriod is { } start ? Nanoseconds(start) : null,
        StartInterval = health.StartInterval is { } startInterval ? Nanoseconds(startInterval) : null,
    };

    private static HostConfigBody HostConfig(ContainerSpec spec, NetworkAttachment? firstNetwork)
    {
        var resources = spec.Resources;
        return new HostConfigBody
        {
            NetworkMode = firstNetwork?.Network,
            PortBindings = PortBindings(spec.Ports),
            Mounts = spec.Mounts.Count == 0 ? null : spec.Mounts.Select(Mount).ToList(),
            RestartPolicy = spec.RestartPolicy is { } policy ? new RestartPolicyBody { Name = policy.Name, MaximumRetryCount = policy.MaximumRetryCount } : null,
            Memory = resources?.MemoryBytes,
            MemoryReservation = resources?.MemoryReservationBytes,
            MemorySwap = resources?.MemorySwapBytes,
            NanoCpus = resources?.NanoCpus,
            CpuShares = resources?.CpuShares,
            PidsLimit = resources?.PidsLimit,
            ReadonlyRootfs = spec.ReadOnlyRootFilesystem,
            CapAdd = NullIfEmpty(spec.CapAdd),
            CapDrop = NullIfEmpty(spec.CapDrop),
            SecurityOpt = NullIfEmpty(spec.SecurityOptions),
            ExtraHosts = NullIfEmpty(spec.ExtraHosts),
            Init = spec.Init,
        };
    }

    private static Dictionary<string, List<PortBindingDto>>? PortBindings(IReadOnlyList<PortBinding> ports)
    {
        if (ports.Count == 0)
        {
            return null;
        }

        var bindings = new Dictionary<string, List<PortBindingDto>>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            var key = PortKey(port);
            if (!bindings.TryGetValue(key, out var list))
            {
                bindings[key] = list = [];
            }

            list.Add(new PortBindingDto
            {
                HostIp = port.HostIp ?? "",
                HostPort = port.HostPort is > 0 ? port.HostPort.Value.ToString(CultureInfo.InvariantCulture) : "",
            });
        }

        return bindings;
    }

    private static MountBody Mount(MountSpec mount) => mount.Type switch
    {
        MountType.Bind => new MountBody { Type = "bind", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly },
        MountType.Volume => new MountBody
        {
            Type = "volume",
            Source = string.IsNullOrEmpty(mount.Source) ? null : mount.Source,
            Target = mount.Target,
            ReadOnly = mount.ReadOnly,
            VolumeOptions = mount.VolumeLabels is { Count: > 0 } labels ? new VolumeOptionsBody { Labels = new Dictionary<string, string>(labels) } : null,
        },
        MountType.Tmpfs => new MountBody
        {
            Type = "tmpfs",
            Target = mount.Target,
            ReadOnly = mount.ReadOnly,
            TmpfsOptions = mount.TmpfsSizeBytes is null && mount.TmpfsMode is null ? null : new TmpfsOptionsBody { SizeBytes = mount.TmpfsSizeBytes, Mode = mount.TmpfsMode },
        },
        _ => throw new ArgumentException($"unknown mount type {mount.Type} for {mount.Target}", nameof(mount)),
    };

    private static List<string>? NullIfEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values.ToList() : null;
}

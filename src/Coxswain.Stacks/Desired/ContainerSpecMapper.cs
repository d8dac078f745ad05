using System.Globalization;
using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>
/// Maps a Compose service slot to the engine's <see cref="ContainerSpec"/>. Pure: no engine, no file system.
/// The engine's restart policy is always "no" (Coxswain heals; the Compose policy is kept in a label) and the
/// healthcheck is not passed on (Coxswain runs the probes itself, so health means the same on Docker and Podman).
/// </summary>
public static partial class ContainerSpecMapper
{
    /// <summary>The image a service runs: its <c>image:</c>, or <c>&lt;project&gt;-&lt;service&gt;</c> for a built one.</summary>
    /// <param name="project">The project name.</param>
    /// <param name="service">The service.</param>
    /// <returns>The image reference.</returns>
    public static string ImageReference(string project, ServiceModel service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Image ?? $"{project}-{service.Name}";
    }

    /// <summary>Maps one slot of a service.</summary>
    /// <param name="project">The project (for network, volume, secret and config names).</param>
    /// <param name="service">The service.</param>
    /// <param name="slot">The slot, from 1.</param>
    /// <param name="epoch">The owner epoch label value.</param>
    /// <param name="warnings">Receives what could not be mapped.</param>
    /// <returns>The desired container.</returns>
    public static DesiredContainer Map(ComposeProject project, ServiceModel service, int slot, string epoch, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(service);
        warnings ??= [];
        var hash = ConfigHash.Compute(service, project);
        var name = StackNames.Container(project.Name, service.Name, slot, service.ContainerName);
        var mounts = Mounts(project, service, warnings, out var hostDirectories);
        var spec = new ContainerSpec
        {
            Name = name,
            Image = ImageReference(project.Name, service),
            Command = service.Command,
            Entrypoint = service.Entrypoint,
            Environment = service.Environment,
            Labels = Labels(project.Name, service, slot, hash, epoch),
            WorkingDirectory = service.WorkingDir,
            User = service.User,
            Hostname = service.Hostname,
            Tty = service.Tty,
            OpenStdin = service.StdinOpen,
            ExposedPorts = service.Expose.Select(e => e.Contains('/', StringComparison.Ordinal) ? e : e + "/tcp").ToList(),
            Ports = service.Ports.Select(p => new PortBinding(p.Target, p.PublishedPort, p.Protocol, p.HostIp)).ToList(),
            Mounts = mounts,
            Networks = service.Networks.Select(n => new NetworkAttachment(
                project.FindNetwork(n.Name)?.ActualName ?? n.Name,
                [.. n.Aliases, service.Name])).ToList(),
            RestartPolicy = new RestartPolicy("no"),
            Resources = Resources(service.Resources),
            ReadOnlyRootFilesystem = service.ReadOnly,
            CapAdd = service.CapAdd,
            CapDrop = service.CapDrop,
            SecurityOptions = service.SecurityOpt,
            StopSignal = service.StopSignal,
            StopTimeout = service.StopGracePeriod,
            ExtraHosts = service.ExtraHosts,
            Init = service.Init,
        };
        return new DesiredContainer(service, slot, name, spec, hash) { HostDirectories = hostDirectories };
    }

    private static SortedDictionary<string, string> Labels(string project, ServiceModel service, int slot, string hash, string epoch)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in service.Labels)
        {
            labels[key] = value;
        }

        labels[StackLabels.Managed] = "true";
        labels[StackLabels.Project] = project;
        labels[StackLabels.Service] = service.Name;
        labels[StackLabels.Slot] = slot.ToString(CultureInfo.InvariantCulture);
        labels[StackLabels.ConfigHash] = hash;
        labels[StackLabels.Epoch] = epoch;
        labels[StackLabels.Restart] = service.Restart?.ToString() ?? "no";
        return labels;
    }

    private static ResourceLimits? Resources(ServiceResources resources) => resources.IsEmpty
        ? null
        : new ResourceLimits
        {
            MemoryBytes = resources.Limits.MemoryBytes,
            MemoryReservationBytes = resources.Reservations.MemoryBytes,
            MemorySwapBytes = resources.MemorySwapBytes,
            NanoCpus = resources.Limits.NanoCpus,
            CpuShares = resources.CpuShares,
            PidsLimit = resources.Limits.Pids,
        };
}

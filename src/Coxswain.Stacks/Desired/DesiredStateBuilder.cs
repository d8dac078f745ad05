using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Turns a Compose project and a selection into the <see cref="DesiredStack"/>. Pure.</summary>
public static class DesiredStateBuilder
{
    /// <summary>Builds the desired state.</summary>
    /// <param name="project">The loaded project.</param>
    /// <param name="selection">Services, scale and epoch; null = everything active.</param>
    /// <returns>The desired stack.</returns>
    /// <exception cref="ArgumentException">A named or scaled service does not exist (the message says which and suggests a name).</exception>
    public static DesiredStack Build(ComposeProject project, StackSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        selection ??= new StackSelection();
        var services = project.SelectServices(selection.Services);
        foreach (var scaled in selection.Scale.Keys.Where(k => project.FindService(k) is null))
        {
            throw new ArgumentException($"--scale names no service \"{scaled}\" of project \"{project.Name}\"; services: {string.Join(", ", project.Services.Select(s => s.Name))}", nameof(selection));
        }

        var warnings = new List<string>();
        var containers = new List<DesiredContainer>();
        foreach (var service in services)
        {
            var replicas = selection.Scale.TryGetValue(service.Name, out var n) ? n : service.Replicas;
            if (replicas > 1 && service.ContainerName is not null)
            {
                warnings.Add($"service {service.Name}: container_name \"{service.ContainerName}\" allows one container only; running 1 instead of {replicas}");
                replicas = 1;
            }

            for (var slot = 1; slot <= replicas; slot++)
            {
                containers.Add(ContainerSpecMapper.Map(project, service, slot, selection.Epoch, warnings));
            }
        }

        var usedNetworks = services.SelectMany(s => s.Networks.Select(n => n.Name)).ToHashSet(StringComparer.Ordinal);
        var usedVolumes = services.SelectMany(s => s.Volumes).Where(m => m is { Type: ServiceMountType.Volume, Source: not null })
            .Select(m => m.Source!).ToHashSet(StringComparer.Ordinal);
        var networks = project.Networks.Where(n => !n.External && usedNetworks.Contains(n.Name))
            .Select(n => new NetworkSpec(n.ActualName)
            {
                Driver = n.Driver ?? "bridge",
                Internal = n.Internal,
                Attachable = n.Attachable,
                Labels = StackLabels.ForResource(project.Name, n.Name, selection.Epoch, n.Labels),
            }).ToList();
        var volumes = project.Volumes.Where(v => !v.External && usedVolumes.Contains(v.Name))
            .Select(v => new VolumeSpec(v.ActualName)
            {
                Driver = v.Driver ?? "local",
                DriverOptions = v.DriverOptions.Count == 0 ? null : v.DriverOptions,
                Labels = StackLabels.ForResource(project.Name, v.Name, selection.Epoch, v.Labels),
            }).ToList();
        var images = services
            .GroupBy(s => ContainerSpecMapper.ImageReference(project.Name, s), StringComparer.Ordinal)
            .Select(g => new DesiredImage(g.Key, g.Select(s => s.Name).ToList(), g.Select(s => s.Build).FirstOrDefault(b => b is not null), g.First().PullPolicy))
            .ToList();
        return new DesiredStack(project)
        {
            Services = services,
            Containers = containers,
            Networks = networks,
            Volumes = volumes,
            Images = images,
            Warnings = warnings,
        };
    }
}

using Coxswain.Engine;

namespace Coxswain.Stacks.Tests.Support;

/// <summary>Builds observed snapshots as if a previous up had created the desired containers.</summary>
internal static class Observed
{
    public static ObservedStack AllUp(DesiredStack desired) => new(desired.Name)
    {
        Containers = desired.Containers.Select(c => Running(c)).ToList(),
        Networks = desired.Networks.Select(n => new NetworkInfo("id-" + n.Name, n.Name, "bridge")).ToList(),
        Volumes = desired.Volumes.Select(v => new VolumeInfo(v.Name, "local", "/var/lib/" + v.Name)).ToList(),
        PresentImages = desired.Images.Select(i => i.Reference).ToHashSet(StringComparer.Ordinal),
    };

    public static ObservedContainer Running(DesiredContainer container, string? hash = null)
    {
        var labels = new Dictionary<string, string>(container.Spec.Labels, StringComparer.Ordinal);
        if (hash is not null)
        {
            labels[StackLabels.ConfigHash] = hash;
        }

        return new ObservedContainer("id-" + container.Name, container.Name, container.Spec.Image, labels, new ContainerState { Status = ContainerStatus.Running, Running = true });
    }
}

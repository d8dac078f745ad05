using Coxswain.Compose;
using Coxswain.Engine;

namespace Coxswain.Stacks;

/// <summary>Volumes, binds, tmpfs, secrets and configs.</summary>
public static partial class ContainerSpecMapper
{
    private static List<MountSpec> Mounts(ComposeProject project, ServiceModel service, ICollection<string> warnings, out List<string> hostDirectories)
    {
        var mounts = new List<MountSpec>();
        hostDirectories = [];
        foreach (var mount in service.Volumes)
        {
            switch (mount.Type)
            {
                case ServiceMountType.Bind:
                    mounts.Add(new MountSpec(MountType.Bind, mount.Source, mount.Target, mount.ReadOnly));
                    if (mount.CreateHostPath && mount.Source is { } source)
                    {
                        hostDirectories.Add(source);
                    }

                    break;
                case ServiceMountType.Tmpfs:
                    mounts.Add(new MountSpec(MountType.Tmpfs, null, mount.Target, mount.ReadOnly) { TmpfsSizeBytes = mount.TmpfsSizeBytes, TmpfsMode = mount.TmpfsMode });
                    break;
                default:
                    var volume = mount.Source is { } name ? project.FindVolume(name)?.ActualName ?? name : null;
                    mounts.Add(new MountSpec(MountType.Volume, volume, mount.Target, mount.ReadOnly));
                    break;
            }
        }

        foreach (var tmpfs in service.Tmpfs)
        {
            var target = tmpfs.Split(':', 2)[0];
            mounts.Add(new MountSpec(MountType.Tmpfs, null, target));
        }

        foreach (var secret in service.Secrets)
        {
            var definition = project.Secrets.FirstOrDefault(s => s.Name == secret.Source);
            AddFile(mounts, warnings, service, "secret", secret, definition?.File, definition?.External ?? false);
        }

        foreach (var config in service.Configs)
        {
            var definition = project.Configs.FirstOrDefault(c => c.Name == config.Source);
            AddFile(mounts, warnings, service, "config", config, definition?.File, definition?.External ?? false);
        }

        return mounts;
    }

    private static void AddFile(List<MountSpec> mounts, ICollection<string> warnings, ServiceModel service, string kind, ServiceFileReference reference, string? file, bool external)
    {
        if (file is not null)
        {
            mounts.Add(new MountSpec(MountType.Bind, file, reference.Target, ReadOnly: true));
            return;
        }

        var why = external ? "external ones need Swarm" : "only file: sources are supported so far";
        warnings.Add($"service {service.Name}: {kind} \"{reference.Source}\" is not mounted ({why}); give it a file: source");
    }
}

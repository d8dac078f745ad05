using System.Text.Json.Nodes;

namespace Coxswain.Compose;

/// <summary>A service's document. With <c>forHash</c>, only what shapes the container, and order-free lists sorted.</summary>
internal static partial class ModelDocument
{
    public static JsonObject Service(ServiceModel service, bool forHash)
    {
        var result = new JsonObject();
        Add(result, "cap_add", List(service.CapAdd, forHash));
        Add(result, "cap_drop", List(service.CapDrop, forHash));
        Add(result, "command", service.Command is { } command ? new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) : null);
        Add(result, "configs", FileReferences(service.Configs, forHash));
        Add(result, "container_name", service.ContainerName);
        Add(result, "deploy", Deploy(service, forHash));
        Add(result, "entrypoint", service.Entrypoint is { } entrypoint ? new JsonArray(entrypoint.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) : null);
        Add(result, "environment", Map(service.Environment));
        Add(result, "expose", List(service.Expose, forHash));
        Add(result, "extra_hosts", List(service.ExtraHosts, forHash));
        Add(result, "healthcheck", Healthcheck(service.Healthcheck));
        Add(result, "hostname", service.Hostname);
        Add(result, "image", service.Image);
        Add(result, "init", service.Init);
        Add(result, "labels", Map(service.Labels));
        Add(result, "networks", Networks(service.Networks));
        Add(result, "ports", Ports(service.Ports, forHash));
        Add(result, "read_only", service.ReadOnly ? true : null);
        Add(result, "restart", service.Restart?.ToString());
        Add(result, "secrets", FileReferences(service.Secrets, forHash));
        Add(result, "security_opt", List(service.SecurityOpt, forHash));
        Add(result, "stdin_open", service.StdinOpen ? true : null);
        Add(result, "stop_grace_period", Duration(service.StopGracePeriod));
        Add(result, "stop_signal", service.StopSignal);
        Add(result, "tmpfs", List(service.Tmpfs, forHash));
        Add(result, "tty", service.Tty ? true : null);
        Add(result, "user", service.User);
        Add(result, "volumes", Volumes(service.Volumes, forHash));
        Add(result, "working_dir", service.WorkingDir);
        if (!forHash)
        {
            Add(result, "build", Build(service.Build));
            Add(result, "depends_on", DependsOn(service.DependsOn));
            Add(result, "env_file", service.EnvFiles.Count == 0 ? null : new JsonArray(service.EnvFiles.Select(EnvFile).ToArray()));
            Add(result, "profiles", List(service.Profiles));
            Add(result, "pull_policy", service.PullPolicy);
            foreach (var (key, value) in service.Extensions)
            {
                result[key] = Raw(value);
            }
        }

        return SortKeys(result);
    }

    private static JsonNode EnvFile(EnvFileReference file) =>
        file.Required ? JsonValue.Create(file.Path) : new JsonObject { ["path"] = file.Path, ["required"] = false };

    private static JsonObject? Build(ServiceBuild? build)
    {
        if (build is null)
        {
            return null;
        }

        var result = new JsonObject { ["context"] = build.Context };
        Add(result, "args", Map(build.Args));
        Add(result, "dockerfile", build.Dockerfile);
        Add(result, "labels", Map(build.Labels));
        Add(result, "no_cache", build.NoCache ? true : null);
        Add(result, "pull", build.Pull ? true : null);
        Add(result, "tags", List(build.Tags));
        Add(result, "target", build.Target);
        return SortKeys(result);
    }

    private static JsonObject? Deploy(ServiceModel service, bool forHash)
    {
        var result = new JsonObject();
        if (!forHash && service.Replicas != 1)
        {
            result["replicas"] = service.Replicas;
        }

        var resources = new JsonObject();
        Add(resources, "limits", Resources(service.Resources.Limits));
        Add(resources, "reservations", Resources(service.Resources.Reservations));
        Add(resources, "cpu_shares", service.Resources.CpuShares);
        Add(resources, "memswap_limit", service.Resources.MemorySwapBytes);
        if (resources.Count > 0)
        {
            result["resources"] = SortKeys(resources);
        }

        return result.Count == 0 ? null : SortKeys(result);
    }

    private static JsonObject? Resources(ResourceValues values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var result = new JsonObject();
        Add(result, "cpus", values.Cpus);
        Add(result, "memory", values.MemoryBytes);
        Add(result, "pids", values.Pids);
        return result;
    }

    private static JsonObject? DependsOn(IReadOnlyList<ServiceDependency> dependencies) =>
        dependencies.Count == 0 ? null : Sorted(dependencies, d => d.Service, d => new JsonObject
        {
            ["condition"] = d.Condition switch
            {
                DependencyCondition.ServiceHealthy => "service_healthy",
                DependencyCondition.ServiceCompletedSuccessfully => "service_completed_successfully",
                _ => "service_started",
            },
            ["required"] = d.Required,
            ["restart"] = d.Restart,
        });

    private static JsonObject? Healthcheck(ServiceHealthcheck? healthcheck)
    {
        if (healthcheck is null)
        {
            return null;
        }

        var result = new JsonObject();
        Add(result, "disable", healthcheck.Disabled ? true : null);
        Add(result, "interval", Duration(healthcheck.Interval));
        Add(result, "retries", healthcheck.Retries);
        Add(result, "start_interval", Duration(healthcheck.StartInterval));
        Add(result, "start_period", Duration(healthcheck.StartPeriod));
        Add(result, "test", List(healthcheck.Test));
        Add(result, "timeout", Duration(healthcheck.Timeout));
        return result;
    }

    private static JsonObject? Networks(IReadOnlyList<ServiceNetwork> networks) =>
        networks.Count == 0 ? null : Sorted(networks, n => n.Name, n => n.Aliases.Count == 0
            ? new JsonObject()
            : new JsonObject { ["aliases"] = List(n.Aliases, sort: true) });

    private static JsonArray? Ports(IReadOnlyList<ServicePort> ports, bool forHash)
    {
        var items = ports.Select(p =>
        {
            var result = new JsonObject { ["target"] = p.Target };
            Add(result, "app_protocol", p.AppProtocol);
            Add(result, "host_ip", p.HostIp);
            Add(result, "mode", p.Mode);
            Add(result, "name", p.Name);
            result["protocol"] = p.Protocol;
            Add(result, "published", p.Published);
            return SortKeys(result);
        });
        return ToArray(items, forHash);
    }

    private static JsonArray? Volumes(IReadOnlyList<ServiceMount> mounts, bool forHash)
    {
        var items = mounts.Select(m =>
        {
            var result = new JsonObject { ["type"] = m.Type.ToString().ToLowerInvariant(), ["target"] = m.Target };
            Add(result, "source", m.Source);
            Add(result, "read_only", m.ReadOnly ? true : null);
            var bind = new JsonObject();
            Add(bind, "create_host_path", m.CreateHostPath ? true : null);
            Add(bind, "propagation", m.Propagation);
            Add(bind, "selinux", m.SeLinux);
            Add(result, "bind", bind.Count == 0 ? null : bind);
            var volume = new JsonObject();
            Add(volume, "nocopy", m.NoCopy ? true : null);
            Add(volume, "subpath", m.Subpath);
            Add(result, "volume", volume.Count == 0 ? null : volume);
            var tmpfs = new JsonObject();
            Add(tmpfs, "mode", m.TmpfsMode is { } mode ? Convert.ToString(mode, 8) : null);
            Add(tmpfs, "size", m.TmpfsSizeBytes);
            Add(result, "tmpfs", tmpfs.Count == 0 ? null : tmpfs);
            return SortKeys(result);
        });
        return ToArray(items, forHash);
    }

    private static JsonArray? FileReferences(IReadOnlyList<ServiceFileReference> references, bool forHash)
    {
        var items = references.Select(r =>
        {
            var result = new JsonObject { ["source"] = r.Source, ["target"] = r.Target };
            Add(result, "gid", r.Gid);
            Add(result, "mode", r.Mode is { } mode ? Convert.ToString(mode, 8) : null);
            Add(result, "uid", r.Uid);
            return SortKeys(result);
        });
        return ToArray(items, forHash);
    }

    private static JsonArray? ToArray(IEnumerable<JsonObject> items, bool sort)
    {
        var list = items.ToList();
        if (sort)
        {
            list = list.OrderBy(i => i.ToJsonString(), StringComparer.Ordinal).ToList();
        }

        return list.Count == 0 ? null : new JsonArray(list.Cast<JsonNode?>().ToArray());
    }
}

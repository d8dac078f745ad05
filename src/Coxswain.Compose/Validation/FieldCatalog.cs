using System.Collections.Frozen;

namespace Coxswain.Compose;

/// <summary>
/// The fields an object of a Compose file may have: those Coxswain reads, those of the compose-spec it ignores (each reported as
/// a warning with why), and obsolete ones. Anything else is an unknown field: an error with a did-you-mean. <c>x-*</c> fields are extensions.
/// </summary>
internal sealed class FieldCatalog
{
    private readonly FrozenSet<string> _supported;
    private readonly FrozenDictionary<string, string> _unsupported;
    private readonly FrozenDictionary<string, string> _obsolete;

    private FieldCatalog(string[] supported, Dictionary<string, string>? unsupported = null, Dictionary<string, string>? obsolete = null)
    {
        _supported = supported.ToFrozenSet(StringComparer.Ordinal);
        _unsupported = (unsupported ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        _obsolete = (obsolete ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when the entry is a field to read; otherwise reports what it is (unless it is an extension) and returns false.</summary>
    public bool Accepts(ComposeEntry entry, string path, DiagnosticBag diagnostics)
    {
        var name = entry.Name;
        if (_supported.Contains(name))
        {
            return true;
        }

        if (IsExtension(name))
        {
            return false;
        }

        if (_unsupported.TryGetValue(name, out var reason))
        {
            diagnostics.Warning(DiagnosticCodes.UnsupportedField, entry.Key.Location, path, $"not supported by Coxswain, ignored ({reason})");
        }
        else if (_obsolete.TryGetValue(name, out var why))
        {
            diagnostics.Warning(DiagnosticCodes.ObsoleteField, entry.Key.Location, path, $"obsolete, ignored ({why})");
        }
        else
        {
            var known = _supported.Concat(_unsupported.Keys).Concat(_obsolete.Keys);
            diagnostics.Error(DiagnosticCodes.UnknownField, entry.Key.Location, path, $"unknown field{DidYouMean.Hint(name, known)}");
        }

        return false;
    }

    public static bool IsExtension(string name) => name.StartsWith("x-", StringComparison.Ordinal);

    private const string EngineSpec = "the container spec Coxswain creates has no such setting yet";
    private const string Swarm = "a Swarm setting; Coxswain runs containers on one engine";

    public static readonly FieldCatalog Project = new(
        ["name", "services", "networks", "volumes", "secrets", "configs"],
        new()
        {
            ["include"] = "merge the files with several -f instead",
            ["models"] = "AI models are not managed by Coxswain",
        },
        new() { ["version"] = "the Compose specification no longer uses it" });

    public static readonly FieldCatalog Service = new(
        [
            "build", "cap_add", "cap_drop", "command", "configs", "container_name", "cpu_shares", "cpus", "depends_on", "deploy",
            "entrypoint", "env_file", "environment", "expose", "extends", "extra_hosts", "healthcheck", "hostname", "image", "init", "labels",
            "mem_limit", "mem_reservation", "memswap_limit", "networks", "pids_limit", "ports", "profiles", "pull_policy", "read_only",
            "restart", "scale", "secrets", "security_opt", "stdin_open", "stop_grace_period", "stop_signal", "tmpfs", "tty", "user",
            "volumes", "working_dir",
        ],
        new()
        {
            ["annotations"] = EngineSpec,
            ["attach"] = "cox logs shows every service",
            ["blkio_config"] = EngineSpec,
            ["cgroup"] = EngineSpec,
            ["cgroup_parent"] = EngineSpec,
            ["cpu_count"] = "use cpus",
            ["cpu_percent"] = "use cpus",
            ["cpu_period"] = "use cpus",
            ["cpu_quota"] = "use cpus",
            ["cpu_rt_period"] = EngineSpec,
            ["cpu_rt_runtime"] = EngineSpec,
            ["cpuset"] = EngineSpec,
            ["credential_spec"] = "a Windows setting",
            ["develop"] = "watch mode is not part of Coxswain",
            ["device_cgroup_rules"] = EngineSpec,
            ["devices"] = EngineSpec,
            ["dns"] = EngineSpec,
            ["dns_opt"] = EngineSpec,
            ["dns_search"] = EngineSpec,
            ["domainname"] = EngineSpec,
            ["driver_opts"] = EngineSpec,
            ["external_links"] = "services reach each other by name on shared networks",
            ["gpus"] = EngineSpec,
            ["group_add"] = EngineSpec,
            ["ipc"] = EngineSpec,
            ["isolation"] = "a Windows setting",
            ["label_file"] = "write the labels in the file",
            ["links"] = "services reach each other by name on shared networks",
            ["logging"] = "Coxswain reads logs through the engine's default driver",
            ["mac_address"] = EngineSpec,
            ["mem_swappiness"] = EngineSpec,
            ["models"] = "AI models are not managed by Coxswain",
            ["network_mode"] = "services join Compose networks only; the service gets its networks (or default) instead",
            ["oom_kill_disable"] = EngineSpec,
            ["oom_score_adj"] = EngineSpec,
            ["pid"] = EngineSpec,
            ["platform"] = "images are used for the engine's own platform",
            ["post_start"] = "lifecycle hooks are not run",
            ["pre_stop"] = "lifecycle hooks are not run",
            ["privileged"] = EngineSpec,
            ["provider"] = "provider services are not run",
            ["pull_refresh_after"] = "use pull_policy",
            ["runtime"] = EngineSpec,
            ["shm_size"] = EngineSpec,
            ["storage_opt"] = EngineSpec,
            ["sysctls"] = EngineSpec,
            ["ulimits"] = EngineSpec,
            ["use_api_socket"] = EngineSpec,
            ["userns_mode"] = EngineSpec,
            ["uts"] = EngineSpec,
            ["volumes_from"] = "name the volumes in this service",
        });

    public static readonly FieldCatalog Build = new(
        ["context", "dockerfile", "args", "target", "labels", "tags", "no_cache", "pull"],
        new()
        {
            ["additional_contexts"] = "the engine build takes one context",
            ["cache_from"] = "the engine's local cache is used",
            ["cache_to"] = "the engine's local cache is used",
            ["dockerfile_inline"] = "write the Dockerfile in the context",
            ["entitlements"] = "a BuildKit setting",
            ["extra_hosts"] = "not passed to the build",
            ["isolation"] = "a Windows setting",
            ["network"] = "builds use the engine's default network",
            ["platforms"] = "images are built for the engine's own platform",
            ["privileged"] = "a BuildKit setting",
            ["provenance"] = "a BuildKit setting",
            ["sbom"] = "a BuildKit setting",
            ["secrets"] = "a BuildKit setting",
            ["shm_size"] = "not passed to the build",
            ["ssh"] = "a BuildKit setting",
            ["ulimits"] = "not passed to the build",
        });

    public static readonly FieldCatalog Healthcheck = new(["test", "interval", "timeout", "retries", "start_period", "start_interval", "disable"]);

    public static readonly FieldCatalog DependsOn = new(["condition", "required", "restart"]);

    public static readonly FieldCatalog Deploy = new(
        ["mode", "replicas", "resources", "restart_policy"],
        new()
        {
            ["endpoint_mode"] = Swarm,
            ["labels"] = Swarm + "; use the service's labels",
            ["placement"] = Swarm,
            ["rollback_config"] = Swarm,
            ["update_config"] = Swarm,
        });

    public static readonly FieldCatalog Resources = new(["limits", "reservations"]);

    public static readonly FieldCatalog ResourceValues = new(
        ["cpus", "memory", "pids"],
        new()
        {
            ["devices"] = "device reservations (GPUs) are not supported",
            ["generic_resources"] = Swarm,
        });

    public static readonly FieldCatalog RestartPolicy = new(
        ["condition", "max_attempts"],
        new()
        {
            ["delay"] = "Coxswain's supervisor applies its own backoff",
            ["window"] = "Coxswain's supervisor applies its own restart budget",
        });

    public static readonly FieldCatalog PortLong = new(["target", "published", "host_ip", "protocol", "mode", "name", "app_protocol"]);

    public static readonly FieldCatalog VolumeLong = new(
        ["type", "source", "target", "read_only", "bind", "volume", "tmpfs", "consistency"],
        new() { ["image"] = "image mounts are not supported" });

    public static readonly FieldCatalog VolumeBind = new(["propagation", "create_host_path", "selinux"], new() { ["recursive"] = EngineSpec });

    public static readonly FieldCatalog VolumeVolume = new(["nocopy", "subpath"]);

    public static readonly FieldCatalog VolumeTmpfs = new(["size", "mode"]);

    public static readonly FieldCatalog ServiceNetwork = new(
        ["aliases"],
        new()
        {
            ["ipv4_address"] = "static addresses need IPAM, which Coxswain does not configure",
            ["ipv6_address"] = "static addresses need IPAM, which Coxswain does not configure",
            ["link_local_ips"] = EngineSpec,
            ["mac_address"] = EngineSpec,
            ["driver_opts"] = EngineSpec,
            ["priority"] = "networks are joined in file order",
            ["gw_priority"] = EngineSpec,
            ["interface_name"] = EngineSpec,
        });

    public static readonly FieldCatalog FileReference = new(["source", "target", "uid", "gid", "mode"]);

    public static readonly FieldCatalog EnvFile = new(["path", "required", "format"]);

    public static readonly FieldCatalog Network = new(
        ["name", "driver", "driver_opts", "labels", "external", "internal", "attachable"],
        new()
        {
            ["ipam"] = "networks get the engine's default address pool",
            ["enable_ipv6"] = "networks get the engine's default address families",
            ["enable_ipv4"] = "networks get the engine's default address families",
        });

    public static readonly FieldCatalog Volume = new(["name", "driver", "driver_opts", "labels", "external"]);

    public static readonly FieldCatalog Secret = new(
        ["name", "file", "environment", "external"],
        new()
        {
            ["driver"] = Swarm,
            ["driver_opts"] = Swarm,
            ["template_driver"] = Swarm,
            ["labels"] = Swarm,
        });

    public static readonly FieldCatalog Config = new(
        ["name", "file", "environment", "content", "external"],
        new()
        {
            ["template_driver"] = Swarm,
            ["labels"] = Swarm,
        });
}

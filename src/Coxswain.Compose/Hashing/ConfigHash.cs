using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Coxswain.Compose;

/// <summary>
/// A deterministic hash of what a service's containers are made of, so <c>up</c> can tell a container that drifted from its
/// definition: lowercase hex SHA-256 of a canonical JSON (keys sorted, no whitespace, order-free lists sorted).
/// <para>
/// Counted: image, command, entrypoint, environment (after env_file and variables), labels, ports, expose, volumes, tmpfs,
/// networks and aliases, healthcheck, restart, stop_grace_period, stop_signal, user, working_dir, read_only, cap_add, cap_drop,
/// security_opt, resources (limits, reservations, cpu_shares, memswap_limit), secrets and configs (source, target, uid, gid,
/// mode), container_name, hostname, extra_hosts, init, tty, stdin_open; with a project, also the engine names of the networks
/// and volumes the service uses and the sources (file or variable name) of its secrets and configs.
/// </para>
/// <para>
/// Not counted: depends_on (order and conditions change when containers start, not what they are), deploy.replicas and scale
/// (how many, not what), profiles, pull_policy, build (a rebuilt image shows as a new image id, which callers compare
/// separately), env_file paths (their content is in the environment), x-* extensions including x-cox, and source locations.
/// Order does not count for maps, cap_add/cap_drop, security_opt, expose, extra_hosts, tmpfs, ports, volumes, secrets,
/// configs and network aliases; it does for command and entrypoint.
/// </para>
/// </summary>
public static class ConfigHash
{
    /// <summary>The hash of one service.</summary>
    /// <param name="service">The service.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Compute(ServiceModel service) => Hash(CanonicalJson(service, null));

    /// <summary>The hash of one service, counting the project-level resources it uses.</summary>
    /// <param name="service">The service.</param>
    /// <param name="project">Its project.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Compute(ServiceModel service, ComposeProject project) => Hash(CanonicalJson(service, project));

    /// <summary>The canonical JSON that is hashed, for diagnosis (what changed between two definitions).</summary>
    /// <param name="service">The service.</param>
    /// <param name="project">Its project, or null.</param>
    /// <returns>The JSON text.</returns>
    public static string CanonicalJson(ServiceModel service, ComposeProject? project = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var document = ModelDocument.Service(service, forHash: true);
        if (project is not null)
        {
            document["x-resources"] = Resources(service, project);
        }

        return document.ToJsonString();
    }

    private static JsonObject Resources(ServiceModel service, ComposeProject project)
    {
        var networks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var network in service.Networks)
        {
            networks[network.Name] = project.FindNetwork(network.Name)?.ActualName ?? network.Name;
        }

        var volumes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in service.Volumes.Where(m => m is { Type: ServiceMountType.Volume, Source: not null }))
        {
            volumes[mount.Source!] = project.FindVolume(mount.Source!)?.ActualName ?? mount.Source!;
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in service.Secrets)
        {
            var definition = project.Secrets.FirstOrDefault(s => s.Name == secret.Source);
            files["secret:" + secret.Source] = definition?.File ?? "env:" + definition?.Environment;
        }

        foreach (var config in service.Configs)
        {
            var definition = project.Configs.FirstOrDefault(c => c.Name == config.Source);
            files["config:" + config.Source] = definition?.File ?? definition?.Content ?? "env:" + definition?.Environment;
        }

        return new JsonObject
        {
            ["files"] = ToObject(files),
            ["networks"] = ToObject(networks),
            ["volumes"] = ToObject(volumes),
        };
    }

    private static JsonObject ToObject(SortedDictionary<string, string> map) =>
        new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

using System.Globalization;

namespace Coxswain.Compose;

/// <summary>
/// The unique keys of the service sequences that merge by key (compose-spec "unique resources"):
/// <c>ports</c> by {host ip, published, target, protocol}, <c>volumes</c> by target, <c>secrets</c> and <c>configs</c> by target.
/// An item whose key cannot be read (malformed) has none and is appended.
/// </summary>
internal static class UniqueKeys
{
    public static Func<ComposeNode, string?>? For(List<string> path) => path switch
    {
        ["services", _, "ports"] => Port,
        ["services", _, "volumes"] => Volume,
        ["services", _, "secrets"] => item => FileTarget(item, "/run/secrets/"),
        ["services", _, "configs"] => item => FileTarget(item, "/"),
        _ => null,
    };

    private static string? Port(ComposeNode item)
    {
        switch (item)
        {
            case ComposeScalar scalar when PortSyntax.TryParse(scalar.Value, out var ports, out _) && ports.Count > 0:
                var first = ports[0];
                return ports.Count == 1 ? $"{first.HostIp}|{first.Published}|{first.Target}|{first.Protocol}" : "spec|" + scalar.Value.Trim();
            case ComposeMapping mapping:
                var target = Text(mapping.Get("target"));
                if (target is null)
                {
                    return null;
                }

                return $"{Text(mapping.Get("host_ip"))}|{Text(mapping.Get("published"))}|{target}|{(Text(mapping.Get("protocol")) ?? "tcp").ToLowerInvariant()}";
            default:
                return null;
        }
    }

    private static string? Volume(ComposeNode item) => item switch
    {
        ComposeScalar scalar when VolumeSyntax.TrySplit(scalar.Value, out var parts, out _) => parts.Target,
        ComposeMapping mapping => Text(mapping.Get("target")),
        _ => null,
    };

    private static string? FileTarget(ComposeNode item, string defaultDirectory)
    {
        switch (item)
        {
            case ComposeScalar { IsNull: false } scalar:
                return defaultDirectory + scalar.Value;
            case ComposeMapping mapping:
                var target = Text(mapping.Get("target"));
                if (target is not null)
                {
                    return target.StartsWith('/') ? target : defaultDirectory + target;
                }

                return Text(mapping.Get("source")) is { } source ? defaultDirectory + source : null;
            default:
                return null;
        }
    }

    private static string? Text(ComposeNode? node) => node is ComposeScalar { IsNull: false } scalar
        ? scalar.Value.ToString(CultureInfo.InvariantCulture)
        : null;
}

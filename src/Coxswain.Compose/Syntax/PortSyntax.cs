using System.Globalization;

namespace Coxswain.Compose;

/// <summary>
/// The short port syntax: <c>"80"</c>, <c>"8080:80"</c>, <c>"127.0.0.1:8080:80"</c>, <c>"127.0.0.1::80"</c>, <c>"[::1]:80:80"</c>,
/// <c>"8080-8081:80-81"</c>, <c>"3000-3005"</c>, each with an optional <c>/tcp</c>, <c>/udp</c> or <c>/sctp</c>.
/// </summary>
internal static class PortSyntax
{
    public static bool TryParse(string text, out List<ServicePort> ports, out string? error)
    {
        ports = [];
        error = null;
        var spec = text.Trim();
        var protocol = "tcp";
        var slash = spec.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = spec[(slash + 1)..].ToLowerInvariant();
            spec = spec[..slash];
            if (protocol is not ("tcp" or "udp" or "sctp"))
            {
                error = $"unknown protocol \"{protocol}\" (use tcp, udp or sctp)";
                return false;
            }
        }

        if (!SplitAddress(spec, out var hostIp, out var published, out var target, out error))
        {
            return false;
        }

        if (!TryRange(target, out var targetStart, out var targetEnd) || targetStart == 0)
        {
            error = $"bad container port \"{target}\" (expected a port 1-65535 or a range like 80-81)";
            return false;
        }

        if (string.IsNullOrEmpty(published))
        {
            for (var port = targetStart; port <= targetEnd; port++)
            {
                ports.Add(new ServicePort(port) { HostIp = hostIp, Protocol = protocol });
            }

            return true;
        }

        if (!TryRange(published, out var publishedStart, out var publishedEnd))
        {
            error = $"bad host port \"{published}\" (expected a port 1-65535 or a range like 8080-8081)";
            return false;
        }

        var targetCount = targetEnd - targetStart;
        var publishedCount = publishedEnd - publishedStart;
        if (targetCount == 0)
        {
            ports.Add(new ServicePort(targetStart) { Published = published, HostIp = hostIp, Protocol = protocol });
            return true;
        }

        if (targetCount != publishedCount)
        {
            error = $"the host range {published} and the container range {target} have different sizes";
            return false;
        }

        for (var i = 0; i <= targetCount; i++)
        {
            ports.Add(new ServicePort(targetStart + i)
            {
                Published = (publishedStart + i).ToString(CultureInfo.InvariantCulture),
                HostIp = hostIp,
                Protocol = protocol,
            });
        }

        return true;
    }

    /// <summary>A port or range <c>a</c> / <c>a-b</c> with 1 &lt;= a &lt;= b &lt;= 65535 (0 allowed for "any").</summary>
    public static bool TryRange(string text, out int start, out int end)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        end = 0;
        if (dash < 0)
        {
            var ok = TryPort(text, out start);
            end = start;
            return ok;
        }

        return TryPort(text[..dash], out start) && TryPort(text[(dash + 1)..], out end) && start <= end;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;

    private static bool SplitAddress(string spec, out string? hostIp, out string? published, out string target, out string? error)
    {
        hostIp = null;
        published = null;
        target = spec;
        error = null;
        string rest;
        if (spec.StartsWith('['))
        {
            var close = spec.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= spec.Length || spec[close + 1] != ':')
            {
                error = "an IPv6 address in brackets must be followed by \":host:container\" (e.g. \"[::1]:8080:80\")";
                return false;
            }

            hostIp = spec[1..close];
            rest = spec[(close + 2)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                error = "expected \"[ip]:host:container\"";
                return false;
            }

            published = rest[..colon];
            target = rest[(colon + 1)..];
            return true;
        }

        var parts = spec.Split(':');
        switch (parts.Length)
        {
            case 1:
                return true;
            case 2:
                published = parts[0];
                target = parts[1];
                return true;
            default:
                // ip:host:container, where an IPv6 address without brackets holds colons itself.
                hostIp = string.Join(':', parts[..^2]);
                published = parts[^2];
                target = parts[^1];
                if (hostIp.Length == 0)
                {
                    error = "empty host address before \":\"";
                    return false;
                }

                return true;
        }
    }
}

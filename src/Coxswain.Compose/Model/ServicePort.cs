namespace Coxswain.Compose;

/// <summary>A port of a service, from the short syntax (<c>"127.0.0.1:8080:80/udp"</c>) or the long one. Ranges are expanded to one entry per port.</summary>
/// <param name="Target">The container port.</param>
public sealed record ServicePort(int Target)
{
    /// <summary>The host port (<c>"8080"</c>), a host range the engine picks from (<c>"8080-8090"</c>), or null for a host port the engine picks.</summary>
    public string? Published { get; init; }

    /// <summary>The host address to bind, or null for all addresses.</summary>
    public string? HostIp { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</summary>
    public string Protocol { get; init; } = "tcp";

    /// <summary><c>host</c> or <c>ingress</c> when given in the long syntax; null otherwise.</summary>
    public string? Mode { get; init; }

    /// <summary>A human name for the port (long syntax), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The application protocol (long syntax <c>app_protocol</c>), or null.</summary>
    public string? AppProtocol { get; init; }

    /// <summary>The host port when <see cref="Published"/> is a single number.</summary>
    public int? PublishedPort => int.TryParse(Published, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
}

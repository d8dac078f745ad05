using System.Net;

namespace Coxswain.Daemon.Hosting;

/// <summary>Where the daemon listens and who may call it.</summary>
public sealed record DaemonOptions
{
    /// <summary>The unix socket of the API. Its folder is created owner-only (0700) and the socket made 0600, so only
    /// the daemon's user (and root) can call it.</summary>
    public required string SocketPath { get; init; }

    /// <summary>An optional TCP endpoint as well (e.g. 127.0.0.1:7878); every request on it needs <see cref="Token"/>.</summary>
    public IPEndPoint? TcpEndpoint { get; init; }

    /// <summary>The bearer token TCP callers send as <c>Authorization: Bearer …</c>; required when <see cref="TcpEndpoint"/> is set.</summary>
    public string? Token { get; init; }

    /// <summary>Largest request body accepted, in bytes: 1 MiB.</summary>
    public int MaxRequestBytes { get; init; } = 1 << 20;
}

using System.Net;

namespace Coxswain.Daemon;

/// <summary>What <c>cox daemon</c> runs with.</summary>
public sealed record DaemonRunOptions
{
    /// <summary>Where state lives (SQLite store, app records); created owner-only.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The API's unix socket.</summary>
    public required string SocketPath { get; init; }

    /// <summary>The app catalog: <c>&lt;catalog&gt;/&lt;id&gt;/compose.yaml</c>.</summary>
    public required string CatalogDirectory { get; init; }

    /// <summary>An optional TCP endpoint (needs <see cref="Token"/>).</summary>
    public IPEndPoint? TcpEndpoint { get; init; }

    /// <summary>The bearer token for TCP callers.</summary>
    public string? Token { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

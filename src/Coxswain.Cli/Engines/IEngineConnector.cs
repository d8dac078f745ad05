using Coxswain.Engine;

namespace Coxswain.Cli.Engines;

/// <summary>Where commands get their engine. The real one runs <see cref="EngineDiscovery"/>; tests hand out an in-memory engine.</summary>
internal interface IEngineConnector
{
    /// <summary>Finds the engine to use (<paramref name="host"/> is the <c>--host</c> option, or null) and returns it; dispose it when done.
    /// <paramref name="log"/> receives what a person should know (e.g. a Podman service was started).
    /// Throws <see cref="EngineUnavailableException"/> when none answers.</summary>
    Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken);
}

using Coxswain.Engine;

namespace Coxswain.Cli.Engines;

/// <summary>Connects through <see cref="EngineDiscovery"/> on the given environment (<paramref name="pingTimeout"/>: the default when null).</summary>
internal sealed class DiscoveryEngineConnector(
    DiscoveryEnvironment environment, TimeProvider time, IPodmanServiceStarter? podmanStarter = null, TimeSpan? pingTimeout = null)
    : IEngineConnector
{
    public Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken) =>
        EngineDiscovery.DiscoverAsync(
            new EngineDiscoveryOptions
            {
                Host = host,
                Environment = environment,
                TimeProvider = time,
                PodmanStarter = podmanStarter,
                Log = log,
                PingTimeout = pingTimeout ?? EngineDiscoveryOptions.DefaultPingTimeout,
            },
            cancellationToken);
}

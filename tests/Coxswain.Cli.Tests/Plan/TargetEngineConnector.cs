using Coxswain.Cli.Engines;
using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Plan;

/// <summary>Hands out one in-memory engine per address (null: the default engine); never disposes them.</summary>
internal sealed class TargetEngineConnector(IEngineClient defaultEngine) : IEngineConnector
{
    public Dictionary<string, IEngineClient> ByAddress { get; } = new(StringComparer.Ordinal);

    public List<string?> Hosts { get; } = [];

    public async Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken)
    {
        lock (Hosts)
        {
            Hosts.Add(host);
        }

        var engine = host is null ? defaultEngine : ByAddress.TryGetValue(host, out var e) ? e
            : throw new EngineUnavailableException([], $"nothing answers at {host} (test)");
        return new DiscoveredEngine(engine, await engine.GetVersionAsync(cancellationToken), ownsClient: false);
    }
}

using Coxswain.Cli.Engines;
using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

/// <summary>Hands commands one given engine (not disposed: the test inspects it afterwards) and records what was asked.</summary>
internal sealed class FixedEngineConnector(IEngineClient engine, IPodmanService? startedService = null, IReadOnlyList<EndpointAttempt>? failedAttempts = null)
    : IEngineConnector
{
    public List<string?> Hosts { get; } = [];

    public async Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken)
    {
        Hosts.Add(host);
        if (startedService is not null)
        {
            log?.Invoke("no engine answered; starting podman (fake)");
        }

        var version = await engine.GetVersionAsync(cancellationToken);
        return new DiscoveredEngine(engine, version, failedAttempts, startedService, ownsClient: false);
    }
}

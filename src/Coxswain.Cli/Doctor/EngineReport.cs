using Coxswain.Engine;

namespace Coxswain.Cli.Doctor;

/// <summary>The engine doctor found: where, from where, what, and how long finding it took.</summary>
internal sealed record EngineReport(
    string Endpoint,
    string Source,
    EngineKind Kind,
    string Version,
    string ApiVersion,
    string MinApiVersion,
    string Os,
    string Arch,
    long DiscoveryMs)
{
    public static EngineReport From(DiscoveredEngine engine, TimeSpan discovery) => new(
        engine.Endpoint.Address,
        engine.Source,
        engine.Kind,
        engine.Version.Version,
        engine.Version.ApiVersion,
        engine.Version.MinApiVersion,
        engine.Version.Os,
        engine.Version.Arch,
        Output.Durations.Milliseconds(discovery));
}

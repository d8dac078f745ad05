using Coxswain.Engine;
using Coxswain.Engine.Testing;

namespace Coxswain.EngineTests;

/// <summary>The in-memory engine, running in real time so that it is held to the same timings as the real engines.</summary>
public sealed class InMemoryEngineFixture : EngineFixture
{
    public override EngineKind ExpectedKind => EngineKind.InMemory;

    protected override Task<(IEngineClient? Client, string? Unavailable)> ConnectAsync(CancellationToken cancellationToken) =>
        Task.FromResult<(IEngineClient?, string?)>((new InMemoryEngine(), null));
}

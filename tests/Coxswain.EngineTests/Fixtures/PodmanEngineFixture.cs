using Coxswain.Engine;

namespace Coxswain.EngineTests;

/// <summary>The real Podman engine (its Docker-compatible API) at COX_TEST_PODMAN_HOST.</summary>
public sealed class PodmanEngineFixture : RealEngineFixture
{
    public override EngineKind ExpectedKind => EngineKind.Podman;

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

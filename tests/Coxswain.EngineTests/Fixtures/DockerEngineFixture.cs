using Coxswain.Engine;

namespace Coxswain.EngineTests;

/// <summary>The real Docker engine at COX_TEST_DOCKER_HOST.</summary>
public sealed class DockerEngineFixture : RealEngineFixture
{
    public override EngineKind ExpectedKind => EngineKind.Docker;

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

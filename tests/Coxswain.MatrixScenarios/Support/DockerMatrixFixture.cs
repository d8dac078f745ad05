namespace Coxswain.MatrixScenarios;

/// <summary>The real Docker engine at COX_TEST_DOCKER_HOST.</summary>
public sealed class DockerMatrixFixture : MatrixEngineFixture
{
    public override string EngineName => "Docker";

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

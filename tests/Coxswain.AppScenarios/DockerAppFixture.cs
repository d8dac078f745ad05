namespace Coxswain.AppScenarios;

/// <summary>Real Docker at COX_TEST_DOCKER_HOST.</summary>
public sealed class DockerAppFixture : AppEngineFixture
{
    public override string EngineName => "Docker";

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

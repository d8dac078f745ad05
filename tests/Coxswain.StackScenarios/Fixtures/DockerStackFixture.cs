namespace Coxswain.StackScenarios;

/// <summary>The real Docker engine at COX_TEST_DOCKER_HOST.</summary>
public sealed class DockerStackFixture : StackEngineFixture
{
    public override string EngineName => "Docker";

    public override int WebPort => 18391;

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

namespace Coxswain.StackScenarios;

/// <summary>The real Podman engine (its Docker-compatible API) at COX_TEST_PODMAN_HOST.</summary>
public sealed class PodmanStackFixture : StackEngineFixture
{
    public override string EngineName => "Podman";

    public override int WebPort => 18392;

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

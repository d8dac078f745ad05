namespace Coxswain.AppScenarios;

/// <summary>Real Podman (its Docker-compatible API) at COX_TEST_PODMAN_HOST.</summary>
public sealed class PodmanAppFixture : AppEngineFixture
{
    public override string EngineName => "Podman";

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

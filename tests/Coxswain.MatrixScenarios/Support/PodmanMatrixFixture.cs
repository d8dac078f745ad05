namespace Coxswain.MatrixScenarios;

/// <summary>The real Podman engine (its Docker-compatible API) at COX_TEST_PODMAN_HOST.</summary>
public sealed class PodmanMatrixFixture : MatrixEngineFixture
{
    public override string EngineName => "Podman";

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>The matrix scenarios against real Podman at COX_TEST_PODMAN_HOST.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanMatrixScenarios(PodmanMatrixFixture fixture) : MatrixScenarios(fixture), IClassFixture<PodmanMatrixFixture>;

using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>The matrix scenarios against real Docker at COX_TEST_DOCKER_HOST.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerMatrixScenarios(DockerMatrixFixture fixture) : MatrixScenarios(fixture), IClassFixture<DockerMatrixFixture>;

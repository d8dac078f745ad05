using Xunit;

namespace Coxswain.StackScenarios;

/// <summary>The stack scenarios against real Docker at COX_TEST_DOCKER_HOST.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerStackScenarios(DockerStackFixture fixture) : StackScenarios(fixture), IClassFixture<DockerStackFixture>;

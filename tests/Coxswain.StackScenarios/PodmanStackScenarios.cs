using Xunit;

namespace Coxswain.StackScenarios;

/// <summary>The stack scenarios against real Podman at COX_TEST_PODMAN_HOST.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanStackScenarios(PodmanStackFixture fixture) : StackScenarios(fixture), IClassFixture<PodmanStackFixture>;

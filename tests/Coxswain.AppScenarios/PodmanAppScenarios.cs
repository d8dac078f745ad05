using Xunit;

namespace Coxswain.AppScenarios;

/// <summary>The app scenarios on real Podman.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanAppScenarios(PodmanAppFixture fixture) : AppScenarios(fixture), IClassFixture<PodmanAppFixture>;

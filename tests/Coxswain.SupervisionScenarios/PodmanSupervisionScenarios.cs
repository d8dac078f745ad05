using Coxswain.SupervisionScenarios.Fixtures;
using Xunit;

namespace Coxswain.SupervisionScenarios;

/// <summary>The supervision scenarios on real Podman.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanSupervisionScenarios(PodmanSupervisionFixture fixture) : SupervisionScenarios(fixture), IClassFixture<PodmanSupervisionFixture>;

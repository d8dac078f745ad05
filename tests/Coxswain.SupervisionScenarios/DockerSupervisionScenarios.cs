using Coxswain.SupervisionScenarios.Fixtures;
using Xunit;

namespace Coxswain.SupervisionScenarios;

/// <summary>The supervision scenarios on real Docker.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerSupervisionScenarios(DockerSupervisionFixture fixture) : SupervisionScenarios(fixture), IClassFixture<DockerSupervisionFixture>;

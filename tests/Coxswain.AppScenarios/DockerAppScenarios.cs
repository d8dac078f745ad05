using Xunit;

namespace Coxswain.AppScenarios;

/// <summary>The app scenarios on real Docker.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerAppScenarios(DockerAppFixture fixture) : AppScenarios(fixture), IClassFixture<DockerAppFixture>;

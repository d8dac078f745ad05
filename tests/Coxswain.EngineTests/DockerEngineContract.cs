using Xunit;

namespace Coxswain.EngineTests;

/// <summary>The engine contract against real Docker at COX_TEST_DOCKER_HOST.</summary>
[Trait("Category", "Contract")]
[Trait("Engine", "Docker")]
public sealed class DockerEngineContract(DockerEngineFixture fixture) : EngineContract(fixture), IClassFixture<DockerEngineFixture>;

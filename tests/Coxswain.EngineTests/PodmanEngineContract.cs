using Xunit;

namespace Coxswain.EngineTests;

/// <summary>The engine contract against real Podman (Docker-compatible API) at COX_TEST_PODMAN_HOST.</summary>
[Trait("Category", "Contract")]
[Trait("Engine", "Podman")]
public sealed class PodmanEngineContract(PodmanEngineFixture fixture) : EngineContract(fixture), IClassFixture<PodmanEngineFixture>;

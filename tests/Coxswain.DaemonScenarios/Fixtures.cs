using Coxswain.Testing.RealEngines;
using Xunit;

namespace Coxswain.DaemonScenarios;

/// <summary>One real engine for the daemon scenarios (see <see cref="RealEngineFixture"/>).</summary>
public abstract class DaemonEngineFixture : RealEngineFixture
{
    /// <inheritdoc />
    protected override string Scenarios => "daemon scenarios";
}

/// <summary>Real Docker at COX_TEST_DOCKER_HOST.</summary>
public sealed class DockerDaemonFixture : DaemonEngineFixture
{
    public override string EngineName => "Docker";

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

/// <summary>Real Podman at COX_TEST_PODMAN_HOST.</summary>
public sealed class PodmanDaemonFixture : DaemonEngineFixture
{
    public override string EngineName => "Podman";

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

/// <summary>The daemon scenarios on real Docker.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerDaemonScenarios(DockerDaemonFixture fixture) : DaemonScenarios(fixture), IClassFixture<DockerDaemonFixture>;

/// <summary>The daemon scenarios on real Podman.</summary>
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanDaemonScenarios(PodmanDaemonFixture fixture) : DaemonScenarios(fixture), IClassFixture<PodmanDaemonFixture>;

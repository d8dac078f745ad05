using Coxswain.Supervision;

namespace Coxswain.SupervisionScenarios.Fixtures;

/// <summary>Real Docker at COX_TEST_DOCKER_HOST: it reports OOM kills itself (<c>OOMKilled</c>, the <c>oom</c> event).</summary>
public sealed class DockerSupervisionFixture : SupervisionEngineFixture
{
    public override string EngineName => "Docker";

    public override IOomEvidence? OomEvidence => null;

    protected override string Variable => "COX_TEST_DOCKER_HOST";
}

using Coxswain.Supervision;

namespace Coxswain.SupervisionScenarios.Fixtures;

/// <summary>Real Podman (its Docker-compatible API) at COX_TEST_PODMAN_HOST: it never reports OOM kills, so the supervisor reads
/// the kernel's own record of them.</summary>
public sealed class PodmanSupervisionFixture : SupervisionEngineFixture
{
    /// <summary>Shared by every scenario of the run: one reader of the kernel log is enough.</summary>
    private static readonly Lazy<(KernelLogOomEvidence? Evidence, string? Problem)> KernelLog = new(() =>
    {
        var evidence = KernelLogOomEvidence.TryStart(out var problem);
        return (evidence, problem);
    });

    public override string EngineName => "Podman";

    public override IOomEvidence? OomEvidence => KernelLog.Value.Evidence;

    public override string? OomEvidenceProblem => KernelLog.Value.Problem;

    protected override string Variable => "COX_TEST_PODMAN_HOST";
}

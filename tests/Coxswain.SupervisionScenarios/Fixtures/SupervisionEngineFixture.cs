using Coxswain.Testing.RealEngines;

namespace Coxswain.SupervisionScenarios.Fixtures;

/// <summary>One real engine for the supervision scenarios (see <see cref="RealEngineFixture"/>), with the OOM evidence it needs.</summary>
public abstract class SupervisionEngineFixture : RealEngineFixture
{
    /// <summary>The OOM evidence the supervisor needs on this engine (null: the engine reports OOM kills itself).</summary>
    public abstract Supervision.IOomEvidence? OomEvidence { get; }

    /// <summary>Why the OOM evidence this engine needs is missing, or null.</summary>
    public virtual string? OomEvidenceProblem => null;

    /// <inheritdoc />
    protected override string Scenarios => "supervision scenarios";
}

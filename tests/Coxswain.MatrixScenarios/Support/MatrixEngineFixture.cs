using Coxswain.Testing.RealEngines;

namespace Coxswain.MatrixScenarios;

/// <summary>One real engine for the matrix scenarios (see <see cref="RealEngineFixture"/>).</summary>
public abstract class MatrixEngineFixture : RealEngineFixture
{
    /// <inheritdoc />
    protected override string Scenarios => "matrix scenarios";
}

using Coxswain.Testing.RealEngines;

namespace Coxswain.AppScenarios;

/// <summary>One real engine for the app scenarios (see <see cref="RealEngineFixture"/>).</summary>
public abstract class AppEngineFixture : RealEngineFixture
{
    /// <inheritdoc />
    protected override string Scenarios => "app scenarios";
}

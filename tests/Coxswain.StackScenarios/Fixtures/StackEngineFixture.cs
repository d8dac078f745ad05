using Coxswain.Testing.RealEngines;

namespace Coxswain.StackScenarios;

/// <summary>One real engine for one stack scenario class (see <see cref="RealEngineFixture"/>), with a web port of its own.</summary>
public abstract class StackEngineFixture : RealEngineFixture
{
    /// <summary>A host port for the example stack's web service, different per engine so both can run at once.</summary>
    public abstract int WebPort { get; }

    /// <inheritdoc />
    protected override string Scenarios => "stack scenarios";
}

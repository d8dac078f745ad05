namespace Coxswain.Supervision.Tests.Support;

/// <summary>A random source that always returns the same sample, so jittered delays are exact.</summary>
internal sealed class FixedRandom(double sample) : Random
{
    public override double NextDouble() => sample;

    protected override double Sample() => sample;
}

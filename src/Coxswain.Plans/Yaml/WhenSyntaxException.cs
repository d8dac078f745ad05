namespace Coxswain.Plans.Yaml;

/// <summary>A <c>when</c> expression that does not parse, with the offset of the problem.</summary>
internal sealed class WhenSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

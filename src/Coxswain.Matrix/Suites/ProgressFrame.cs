namespace Coxswain.Matrix;

/// <summary>One <c>PB&gt;</c> line: free text, with an optional <c>step/total</c> counter in front.</summary>
/// <param name="Text">The text after the counter (or after <c>PB&gt;</c> when there is none), trimmed.</param>
/// <param name="Step">The step number, when the frame starts with <c>N/M</c>.</param>
/// <param name="Total">The number of steps, when the frame starts with <c>N/M</c>.</param>
public sealed record ProgressFrame(string Text, int? Step = null, int? Total = null)
{
    /// <summary>The frame as shown: <c>[2/5] unit tests</c>, or the text alone.</summary>
    public override string ToString() => Step is { } step && Total is { } total
        ? (Text.Length == 0 ? $"[{step}/{total}]" : $"[{step}/{total}] {Text}")
        : Text;
}

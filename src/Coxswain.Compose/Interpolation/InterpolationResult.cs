namespace Coxswain.Compose;

/// <summary>What came of interpolating one string.</summary>
/// <param name="Value">The result; null when there was an error.</param>
/// <param name="Error">A malformed expression or a required variable without a value.</param>
/// <param name="UnsetVariables">Variables used without a default that have no value (they became empty strings).</param>
internal sealed record InterpolationResult(string? Value, string? Error, IReadOnlyList<string> UnsetVariables);

namespace Coxswain.Compose;

/// <summary>The parts of a short volume spec <c>source:target[:mode]</c> or <c>target</c>, before paths are resolved.</summary>
internal sealed record VolumeSpecParts(string? Source, string Target, IReadOnlyList<string> Modes);

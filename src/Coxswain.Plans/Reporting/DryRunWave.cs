namespace Coxswain.Plans;

/// <summary>Tasks that could run together: all their dependencies are in earlier waves.</summary>
/// <param name="Number">1-based wave number.</param>
/// <param name="Tasks">The wave's tasks, in insertion order.</param>
public sealed record DryRunWave(int Number, IReadOnlyList<DryRunTask> Tasks);

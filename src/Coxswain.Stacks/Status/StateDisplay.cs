namespace Coxswain.Stacks;

/// <summary>A container state as people read it.</summary>
/// <param name="Text">e.g. "healthy", "crashed (exit 3)", "killed (OOM)".</param>
/// <param name="Color">Its colour.</param>
public sealed record StateDisplay(string Text, StateColor Color);

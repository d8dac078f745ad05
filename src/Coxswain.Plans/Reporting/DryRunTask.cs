namespace Coxswain.Plans;

/// <summary>One task in a dry run: what it is, what would happen, and its conditions.</summary>
/// <param name="Name">The task's name.</param>
/// <param name="Kind">The operation type.</param>
/// <param name="Outcome">What would happen.</param>
/// <param name="Reason">Why (from the operation's check or the conditions).</param>
/// <param name="Conditions">The task's conditions as text ("only if changed", "when: ..."); empty if none.</param>
public sealed record DryRunTask(string Name, string Kind, DryRunOutcome Outcome, string Reason, IReadOnlyList<string> Conditions);

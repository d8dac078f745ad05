namespace Coxswain.Plans;

/// <summary>The answer of <see cref="IOperation.CheckAsync"/>: what would happen, and why.</summary>
/// <param name="Outcome">Would change, no change, or unknown.</param>
/// <param name="Reason">Why, for people (may be empty).</param>
public sealed record CheckResult(CheckOutcome Outcome, string Reason)
{
    /// <summary>Running the task would change something.</summary>
    /// <param name="reason">What would change.</param>
    public static CheckResult WouldChange(string reason) => new(CheckOutcome.WouldChange, reason);

    /// <summary>Running the task would change nothing.</summary>
    /// <param name="reason">Why (may be empty).</param>
    public static CheckResult NoChange(string reason = "") => new(CheckOutcome.NoChange, reason);

    /// <summary>The task cannot tell in advance.</summary>
    /// <param name="reason">Why not.</param>
    public static CheckResult Unknown(string reason) => new(CheckOutcome.Unknown, reason);
}

namespace Coxswain.Plans.Operations.Engine;

/// <summary>One look at a <see cref="WaitCondition"/>: met, not yet (with what was seen), or never going to be (fail now).</summary>
/// <param name="IsMet">The condition holds.</param>
/// <param name="Observed">What was seen, for the message when the wait times out or fails.</param>
/// <param name="IsHopeless">The condition can no longer be met (the container exited): stop waiting and fail.</param>
public sealed record WaitCheck(bool IsMet, string Observed, bool IsHopeless = false)
{
    /// <summary>The condition holds.</summary>
    /// <param name="observed">What was seen.</param>
    public static WaitCheck Met(string observed) => new(true, observed);

    /// <summary>Not yet.</summary>
    /// <param name="observed">What was seen.</param>
    public static WaitCheck NotYet(string observed) => new(false, observed);

    /// <summary>It never will: fail now.</summary>
    /// <param name="observed">What was seen.</param>
    public static WaitCheck Hopeless(string observed) => new(false, observed, IsHopeless: true);
}

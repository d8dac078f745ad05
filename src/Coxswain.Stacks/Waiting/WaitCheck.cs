namespace Coxswain.Stacks;

/// <summary>One check of a condition: the outcome, a detail for messages, and the probe results behind it (for health).</summary>
/// <param name="Outcome">Pending, ready or failed.</param>
/// <param name="Detail">Why not ready yet, or why it failed ("status created", "exited with code 3"); empty when ready.</param>
public sealed record WaitCheck(WaitOutcome Outcome, string Detail = "")
{
    /// <summary>The latest probe results, oldest first, when the condition is about health.</summary>
    public IReadOnlyList<ProbeResult> Probes { get; init; } = [];

    /// <summary>The condition holds.</summary>
    public static WaitCheck Ready() => new(WaitOutcome.Ready);

    /// <summary>Not yet, because <paramref name="detail"/>.</summary>
    public static WaitCheck Pending(string detail) => new(WaitOutcome.Pending, detail);

    /// <summary>Cannot hold any more, because <paramref name="detail"/>.</summary>
    public static WaitCheck Failed(string detail) => new(WaitOutcome.Failed, detail);
}

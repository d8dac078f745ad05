namespace Coxswain.Plans;

/// <summary>What a dry run predicts for one task.</summary>
public enum DryRunOutcome
{
    /// <summary>It would run and change something.</summary>
    WouldChange,

    /// <summary>It would run and change nothing.</summary>
    NoChange,

    /// <summary>It cannot tell in advance.</summary>
    Unknown,

    /// <summary>Its conditions would skip it (no dependency would change).</summary>
    WouldSkip,
}

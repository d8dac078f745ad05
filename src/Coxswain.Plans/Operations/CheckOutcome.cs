namespace Coxswain.Plans;

/// <summary>What a state check predicts an operation would do.</summary>
public enum CheckOutcome
{
    /// <summary>Running it would change something.</summary>
    WouldChange,

    /// <summary>Everything is already as wanted.</summary>
    NoChange,

    /// <summary>The operation cannot tell in advance.</summary>
    Unknown,
}

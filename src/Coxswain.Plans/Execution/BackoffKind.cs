namespace Coxswain.Plans;

/// <summary>How the delay between retries grows.</summary>
public enum BackoffKind
{
    /// <summary>The same delay before every retry.</summary>
    Constant,

    /// <summary>delay × n before retry n (1-based).</summary>
    Linear,

    /// <summary>delay × 2^(n-1) before retry n (1-based).</summary>
    Exponential,
}

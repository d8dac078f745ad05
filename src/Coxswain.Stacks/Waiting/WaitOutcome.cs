namespace Coxswain.Stacks;

/// <summary>The result of checking a condition once.</summary>
public enum WaitOutcome
{
    /// <summary>Not yet; check again.</summary>
    Pending,

    /// <summary>The condition holds.</summary>
    Ready,

    /// <summary>The condition can no longer hold (exited non-zero, unhealthy, no healthcheck): stop waiting.</summary>
    Failed,
}

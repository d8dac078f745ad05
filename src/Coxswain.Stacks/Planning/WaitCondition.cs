namespace Coxswain.Stacks;

/// <summary>What a wait waits for.</summary>
public enum WaitCondition
{
    /// <summary>Running (depends_on condition service_started).</summary>
    Running,

    /// <summary>Running and its probe passing (service_healthy).</summary>
    Healthy,

    /// <summary>Exited with code 0 (service_completed_successfully).</summary>
    CompletedSuccessfully,
}

namespace Coxswain.Stacks;

/// <summary>A container's health as Coxswain's own probes decide it (the same meaning as Docker's <c>State.Health.Status</c>).</summary>
public enum HealthStatus
{
    /// <summary>No probe has passed yet, and failures have not reached the retries.</summary>
    Starting,

    /// <summary>The last probe passed, or fewer than <see cref="HealthProbe.Retries"/> probes failed since the last pass.</summary>
    Healthy,

    /// <summary><see cref="HealthProbe.Retries"/> probes in a row failed (outside the start period); stays so until a probe passes.</summary>
    Unhealthy,
}

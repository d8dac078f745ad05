namespace Coxswain.Compose;

/// <summary>When a dependency counts as ready (<c>depends_on.&lt;service&gt;.condition</c>).</summary>
public enum DependencyCondition
{
    /// <summary><c>service_started</c>: the dependency's containers are running (the default).</summary>
    ServiceStarted,

    /// <summary><c>service_healthy</c>: the dependency's healthcheck passes.</summary>
    ServiceHealthy,

    /// <summary><c>service_completed_successfully</c>: the dependency ran to completion with exit code 0.</summary>
    ServiceCompletedSuccessfully,
}

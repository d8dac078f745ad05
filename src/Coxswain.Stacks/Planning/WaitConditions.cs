using Coxswain.Compose;

namespace Coxswain.Stacks;

/// <summary>Maps and names <see cref="WaitCondition"/>s.</summary>
public static class WaitConditions
{
    /// <summary>The condition of a depends_on entry.</summary>
    /// <param name="condition">The Compose condition.</param>
    /// <returns>The wait condition.</returns>
    public static WaitCondition From(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ServiceHealthy => WaitCondition.Healthy,
        DependencyCondition.ServiceCompletedSuccessfully => WaitCondition.CompletedSuccessfully,
        _ => WaitCondition.Running,
    };

    /// <summary>How a condition reads in plans and messages.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>"running", "healthy" or "completed successfully".</returns>
    public static string Text(WaitCondition condition) => condition switch
    {
        WaitCondition.Healthy => "healthy",
        WaitCondition.CompletedSuccessfully => "completed successfully",
        _ => "running",
    };
}

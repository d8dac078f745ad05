namespace Coxswain.Stacks;

/// <summary>What <c>cox start|stop|restart</c> does to existing containers.</summary>
public enum LifecycleAction
{
    /// <summary>Start stopped containers, dependencies first.</summary>
    Start,

    /// <summary>Stop running containers, dependents first.</summary>
    Stop,

    /// <summary>Restart containers, dependencies first.</summary>
    Restart,
}

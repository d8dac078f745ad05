namespace Coxswain.Stacks.PlanOperations;

/// <summary>What a <c>stack</c> plan task makes of its Compose project.</summary>
public enum StackTaskState
{
    /// <summary>The project runs as its Compose file says (<c>cox up</c>).</summary>
    Up,

    /// <summary>The project's containers and networks are gone (<c>cox down</c>).</summary>
    Down,
}

namespace Coxswain.Stacks;

/// <summary>
/// One typed step of a <see cref="StackPlan"/>: what to do (<see cref="Id"/>, e.g. <c>create container demo-db-1</c>, unique in a
/// plan), why (<see cref="Cause"/>), and which steps must finish first (<see cref="DependsOn"/>, by id).
/// </summary>
/// <param name="Id">What is done, as people read it; unique within a plan.</param>
/// <param name="Cause">Why it is done.</param>
public abstract record StackOperation(string Id, string Cause)
{
    /// <summary>Ids of the operations that must finish first.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The service the operation is about, when it is about one.</summary>
    public virtual string? Service => null;

    /// <summary>True when the operation changes the engine (a wait does not).</summary>
    public virtual bool Mutates => true;
}

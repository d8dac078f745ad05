namespace Coxswain.Stacks;

/// <summary>Kinds of <see cref="StackEvent"/>.</summary>
public enum StackEventKind
{
    /// <summary>The operation started.</summary>
    Started,

    /// <summary>Progress inside the operation.</summary>
    Progress,

    /// <summary>The operation finished.</summary>
    Finished,

    /// <summary>The operation failed.</summary>
    Failed,
}

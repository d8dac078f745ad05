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

    /// <summary>The operation did not run (an earlier one failed, or the run was cancelled); the message says why.</summary>
    Skipped,
}

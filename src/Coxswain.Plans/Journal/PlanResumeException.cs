namespace Coxswain.Plans.Journal;

/// <summary>A run cannot be resumed: it does not exist, or the plan changed since it started (with the difference).</summary>
public sealed class PlanResumeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, and what to do.</param>
    public PlanResumeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the tasks that differ.</summary>
    /// <param name="message">Why, and what to do.</param>
    /// <param name="added">Tasks in the plan now but not in the run.</param>
    /// <param name="removed">Tasks in the run but no longer in the plan.</param>
    /// <param name="changed">Tasks whose definition changed.</param>
    public PlanResumeException(string message, IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<string> changed)
        : base(message)
    {
        Added = added;
        Removed = removed;
        Changed = changed;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public PlanResumeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Tasks in the plan now but not in the journaled run.</summary>
    public IReadOnlyList<string> Added { get; } = [];

    /// <summary>Tasks in the journaled run but no longer in the plan.</summary>
    public IReadOnlyList<string> Removed { get; } = [];

    /// <summary>Tasks whose definition (operation, dependencies, conditions, strategy...) changed.</summary>
    public IReadOnlyList<string> Changed { get; } = [];
}

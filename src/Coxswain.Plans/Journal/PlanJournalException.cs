namespace Coxswain.Plans.Journal;

/// <summary>A journal cannot be opened, read or written (locked, corrupt, unwritable), with what to do.</summary>
public sealed class PlanJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    public PlanJournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public PlanJournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

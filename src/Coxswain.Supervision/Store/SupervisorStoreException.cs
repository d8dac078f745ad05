namespace Coxswain.Supervision;

/// <summary>The supervisor's state file cannot be used; the message says which file, why and what to do.</summary>
public sealed class SupervisorStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="inner">The cause.</param>
    public SupervisorStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

namespace Coxswain.Stacks;

/// <summary>An operation of a stack plan failed; the message names the object, what went wrong and what to do.</summary>
public sealed class StackOperationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StackOperationException()
        : this("a stack operation failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public StackOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StackOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

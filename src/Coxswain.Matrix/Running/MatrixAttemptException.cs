namespace Coxswain.Matrix;

/// <summary>One attempt of a target failed: a non-zero exit, an unexpected FAIL, a deadline, or a container that could not start.</summary>
public sealed class MatrixAttemptException : Exception
{
    /// <summary>Creates the error.</summary>
    public MatrixAttemptException(string message, bool timedOut = false, Exception? innerException = null)
        : base(message, innerException)
    {
        TimedOut = timedOut;
    }

    /// <summary>True when the attempt ran into its deadline.</summary>
    public bool TimedOut { get; }
}

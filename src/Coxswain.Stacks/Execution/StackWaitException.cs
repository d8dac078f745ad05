namespace Coxswain.Stacks;

/// <summary>A service did not reach its condition: its container exited (with the exit code and a log tail), turned unhealthy,
/// or the wait timed out.</summary>
public sealed class StackWaitException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="exitCode">The container's exit code, when it exited.</param>
    /// <param name="logTail">Its last log lines.</param>
    public StackWaitException(string message, long? exitCode = null, IReadOnlyList<string>? logTail = null)
        : base(message)
    {
        ExitCode = exitCode;
        LogTail = logTail ?? [];
    }

    /// <summary>Creates the exception.</summary>
    public StackWaitException()
        : this("a service did not become ready")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StackWaitException(string message, Exception innerException)
        : base(message, innerException)
    {
        LogTail = [];
    }

    /// <summary>The exit code, when the container exited.</summary>
    public long? ExitCode { get; }

    /// <summary>The last log lines of the container.</summary>
    public IReadOnlyList<string> LogTail { get; }
}

namespace Coxswain.Daemon.Client;

/// <summary>No daemon answered on the socket: says which socket, why, and how to start one.</summary>
public sealed class DaemonUnavailableException : Exception
{
    /// <summary>Creates the error.</summary>
    public DaemonUnavailableException()
    {
    }

    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What failed.</param>
    public DaemonUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public DaemonUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Coxswain.Apps;

/// <summary>Thrown by <see cref="AppResult{T}.GetValueOrThrow"/>: carries the <see cref="AppError"/>.</summary>
public sealed class AppOperationException : Exception
{
    /// <summary>Creates the exception from an error.</summary>
    /// <param name="error">The error.</param>
    public AppOperationException(AppError error)
        : base(error?.Message ?? "an app operation failed") => Error = error;

    /// <summary>Creates the exception.</summary>
    public AppOperationException()
        : this("an app operation failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public AppOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AppOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error, when there is one.</summary>
    public AppError? Error { get; }
}

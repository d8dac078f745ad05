namespace Coxswain.Daemon.Rpc;

/// <summary>A failure a JSON-RPC method reports to its caller as an error object (code, message, optional data).</summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">One of <see cref="RpcErrorCodes"/>.</param>
    /// <param name="message">What failed and what to do, for people.</param>
    /// <param name="data">Structured details for programs (serialized as JSON), or null.</param>
    public RpcException(int code, string message, object? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    /// <summary>Creates an internal error.</summary>
    public RpcException()
        : this(RpcErrorCodes.InternalError, "internal error")
    {
    }

    /// <summary>Creates an internal error with a message.</summary>
    /// <param name="message">What failed.</param>
    public RpcException(string message)
        : this(RpcErrorCodes.InternalError, message)
    {
    }

    /// <summary>Creates an internal error with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RpcErrorCodes.InternalError;
    }

    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; }

    /// <summary>Structured details (the error object's <c>data</c>), or null.</summary>
    public object? ErrorData { get; }
}

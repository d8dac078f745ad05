namespace Coxswain.Daemon.Rpc;

/// <summary>
/// JSON-RPC 2.0's own error codes (-32700 to -32603). Failures of app methods carry the app's error code
/// (<c>Coxswain.Apps.AppErrorCode</c>, -32001 and below), so clients can act on a failure without reading its message.
/// </summary>
public static class RpcErrorCodes
{
    /// <summary>The body is not JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a JSON-RPC 2.0 request.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No such method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The params are missing a field or have the wrong shape.</summary>
    public const int InvalidParams = -32602;

    /// <summary>The method failed in a way it did not expect (a bug or an engine error it could not classify).</summary>
    public const int InternalError = -32603;
}

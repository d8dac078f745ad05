namespace Coxswain.Daemon.Rpc;

/// <summary>
/// JSON-RPC 2.0 error codes: the protocol's own (-32700 to -32603) and Coxswain's application codes (-32000 and below),
/// so clients can act on a failure without reading its message.
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

    /// <summary>The app id is not in the catalog.</summary>
    public const int AppNotFound = -32001;

    /// <summary>The app is not installed.</summary>
    public const int NotInstalled = -32002;

    /// <summary>The app is already installed.</summary>
    public const int AlreadyInstalled = -32003;

    /// <summary>The operation ran and failed (data carries the reason, what was rolled back and the log tail).</summary>
    public const int OperationFailed = -32004;

    /// <summary>No container engine answered.</summary>
    public const int EngineUnavailable = -32005;

    /// <summary>The named service or container does not exist.</summary>
    public const int NotFound = -32006;
}

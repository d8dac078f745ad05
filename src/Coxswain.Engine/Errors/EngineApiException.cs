using System.Net;

namespace Coxswain.Engine;

/// <summary>The engine answered with an error status. Carries the status and the engine's own message.</summary>
public class EngineApiException : EngineException
{
    /// <summary>Creates an API error for <paramref name="operation"/> (e.g. "start container web-1").</summary>
    public EngineApiException(string operation, HttpStatusCode statusCode, string engineMessage, Exception? innerException = null)
        : base($"{operation} failed: the engine answered {(int)statusCode} {statusCode}: {engineMessage}", innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        EngineMessage = engineMessage;
    }

    /// <summary>What Coxswain was doing.</summary>
    public string Operation { get; }

    /// <summary>HTTP status the engine answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The engine's own error text.</summary>
    public string EngineMessage { get; }
}

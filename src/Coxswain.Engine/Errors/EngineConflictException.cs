using System.Net;

namespace Coxswain.Engine;

/// <summary>The request conflicts with the object's state (HTTP 409): a name in use, a container not running, an image in use.</summary>
public sealed class EngineConflictException : EngineApiException
{
    /// <summary>Creates a conflict error.</summary>
    public EngineConflictException(string operation, string engineMessage)
        : base(operation, HttpStatusCode.Conflict, engineMessage)
    {
    }
}

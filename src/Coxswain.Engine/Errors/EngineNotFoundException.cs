using System.Net;

namespace Coxswain.Engine;

/// <summary>The container, image, network, volume or exec does not exist (HTTP 404).</summary>
public sealed class EngineNotFoundException : EngineApiException
{
    /// <summary>Creates a not-found error for a <paramref name="resourceKind"/> ("container", "image", ...) named <paramref name="resource"/>.</summary>
    public EngineNotFoundException(string operation, string resourceKind, string resource, string engineMessage)
        : base(operation, HttpStatusCode.NotFound, engineMessage)
    {
        ResourceKind = resourceKind;
        Resource = resource;
    }

    /// <summary>"container", "image", "network", "volume" or "exec".</summary>
    public string ResourceKind { get; }

    /// <summary>The id or name that was not found.</summary>
    public string Resource { get; }
}

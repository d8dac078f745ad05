namespace Coxswain.Engine;

/// <summary>Which engine answers the API.</summary>
public enum EngineKind
{
    /// <summary>Docker (dockerd / moby).</summary>
    Docker,

    /// <summary>Podman's Docker-compatible API.</summary>
    Podman,

    /// <summary>Coxswain's in-memory engine for tests.</summary>
    InMemory,
}

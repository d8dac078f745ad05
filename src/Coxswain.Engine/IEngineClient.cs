namespace Coxswain.Engine;

/// <summary>
/// One container engine reached through the Docker Engine API: Docker, Podman, or the in-memory
/// engine used in tests. Every call is async and cancellable; failures are <see cref="EngineException"/>s.
/// </summary>
public interface IEngineClient :
    IContainerOperations,
    IExecOperations,
    IImageOperations,
    INetworkOperations,
    IVolumeOperations,
    ISystemOperations,
    IAsyncDisposable
{
    /// <summary>Where this client talks to (for messages and diagnostics).</summary>
    EngineEndpoint Endpoint { get; }
}

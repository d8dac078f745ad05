namespace Coxswain.Engine;

/// <summary>Starts <c>podman system service</c> on a private socket. <see cref="PodmanServiceStarter"/> runs the real process;
/// tests pass a fake.</summary>
public interface IPodmanServiceStarter
{
    /// <summary>Starts <c>&lt;podmanPath&gt; system service --time 0 unix://&lt;socketPath&gt;</c> and returns at once
    /// (the caller waits for the socket to answer). Disposing the returned service stops it and removes the socket.</summary>
    Task<IPodmanService> StartAsync(string podmanPath, string socketPath, CancellationToken cancellationToken = default);
}

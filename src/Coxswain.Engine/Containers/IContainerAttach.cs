namespace Coxswain.Engine;

/// <summary>
/// Optional capability of a real engine: an interactive attach to a container's stdin, stdout and stderr (what
/// <c>docker run -it</c> does), and resizing its TTY. Test doubles need not offer it; callers check with <c>is</c>.
/// </summary>
public interface IContainerAttach
{
    /// <summary>
    /// Attaches to the container (before or after its start) and returns the raw two-way stream: what is written goes to
    /// the container's stdin; what is read is its output, as is when the container has a TTY, otherwise multiplexed
    /// (8-byte frame headers, as the logs endpoint sends). Disposing the stream detaches.
    /// </summary>
    /// <param name="idOrName">The container.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <exception cref="EngineNotFoundException">When there is no such container.</exception>
    Task<Stream> AttachAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Sets the size of the container's TTY.</summary>
    /// <param name="idOrName">The container.</param>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ResizeTtyAsync(string idOrName, int height, int width, CancellationToken cancellationToken = default);
}

namespace Coxswain.Engine;

/// <summary>Engine-wide calls: ping, version, info and the event stream.</summary>
public interface ISystemOperations
{
    /// <summary>Checks that the engine answers. Throws <see cref="EngineUnavailableException"/> when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Engine and API versions, and which engine this is.</summary>
    Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Engine-wide facts: counts, OS, CPUs, memory, drivers.</summary>
    Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams engine events as they happen, until cancelled. Ends with <see cref="EngineUnavailableException"/>
    /// when the connection drops; <c>EventWatcher</c> reconnects and tells the caller to re-list.</summary>
    IAsyncEnumerable<EngineEvent> GetEventsAsync(EventFilter? filter = null, CancellationToken cancellationToken = default);
}

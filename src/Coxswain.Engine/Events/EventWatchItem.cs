namespace Coxswain.Engine;

/// <summary>What <see cref="EventWatcher"/> yields: an engine event, or a marker that the stream was down for a while.</summary>
public abstract record EventWatchItem
{
    private EventWatchItem()
    {
    }

    /// <summary>An event from the engine.</summary>
    public sealed record EventReceived(EngineEvent Event) : EventWatchItem;

    /// <summary>The event stream dropped (the engine closed it, or stopped answering); a <see cref="Reconnected"/> follows once the
    /// engine answers again. Events the engine sent just before (a shutting-down engine stops its containers) were its own doing.</summary>
    /// <param name="At">When the drop was noticed.</param>
    /// <param name="Cause">Why the stream dropped.</param>
    public sealed record Disconnected(DateTimeOffset At, EngineException Cause) : EventWatchItem;

    /// <summary>The event stream dropped and is back. Events may have been lost while it was down (a container that died
    /// while the engine was down never emits "die"): re-list everything. Events since the last one seen are replayed after this marker.</summary>
    /// <param name="DisconnectedAt">When the drop was noticed.</param>
    /// <param name="ReconnectedAt">When the engine answered again.</param>
    /// <param name="Attempts">How many reconnection attempts it took.</param>
    /// <param name="Cause">Why the stream dropped (the last error seen).</param>
    public sealed record Reconnected(DateTimeOffset DisconnectedAt, DateTimeOffset ReconnectedAt, int Attempts, EngineException Cause) : EventWatchItem
    {
        /// <summary>How long the stream was down.</summary>
        public TimeSpan Gap => ReconnectedAt - DisconnectedAt;
    }
}

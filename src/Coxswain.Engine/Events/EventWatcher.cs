using System.Runtime.CompilerServices;

namespace Coxswain.Engine;

/// <summary>An endless engine event stream: wraps <see cref="ISystemOperations.GetEventsAsync"/>, and when the connection drops
/// yields <see cref="EventWatchItem.Disconnected"/>, waits (capped exponential backoff), pings until the engine answers, yields <see cref="EventWatchItem.Reconnected"/>
/// (re-list everything), then resumes with <c>since</c> = the last event's time, skipping events already delivered.</summary>
public sealed class EventWatcher
{
    private readonly ISystemOperations engine;
    private readonly EventWatcherOptions options;

    /// <summary>Creates a watcher over <paramref name="engine"/>.</summary>
    public EventWatcher(ISystemOperations engine, EventWatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.options = options ?? new EventWatcherOptions();
    }

    /// <summary>Streams events matching <paramref name="filter"/> until cancelled (or, with <see cref="EventFilter.Until"/>, until then).
    /// Without <see cref="EventFilter.Since"/> the first connection streams live events only. Errors other than the engine
    /// being unavailable (a rejected filter, say) end the stream with that error.</summary>
    public async IAsyncEnumerable<EventWatchItem> WatchAsync(EventFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new EventFilter();
        var time = options.TimeProvider;
        var resume = new ResumePoint(filter.Since ?? time.GetUtcNow());
        var failures = 0;
        EngineException? cause = null;
        var disconnectedAt = default(DateTimeOffset);
        var first = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cause is not null)
            {
                while (true)
                {
                    failures++;
                    await Task.Delay(ReconnectBackoff.Delay(failures, options.InitialDelay, options.MaxDelay, options.Multiplier), time, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await engine.PingAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (EngineUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        cause = ex;
                    }
                }

                yield return new EventWatchItem.Reconnected(disconnectedAt, time.GetUtcNow(), failures, cause);
                cause = null;
            }

            var connectedAt = time.GetTimestamp();
            var streamFilter = filter with { Since = first && filter.Since is null ? null : resume.Since };
            first = false;
            var events = engine.GetEventsAsync(streamFilter, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (events.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await events.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (EngineUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        cause = ex;
                        break;
                    }

                    if (!more)
                    {
                        if (filter.Until is not null)
                        {
                            yield break;
                        }

                        cause = new EngineException("the engine closed the event stream");
                        break;
                    }

                    if (resume.Accept(events.Current))
                    {
                        failures = 0;
                        yield return new EventWatchItem.EventReceived(events.Current);
                    }
                }
            }

            disconnectedAt = time.GetUtcNow();
            if (time.GetElapsedTime(connectedAt) >= options.MaxDelay)
            {
                failures = 0;
            }

            yield return new EventWatchItem.Disconnected(disconnectedAt, cause ?? new EngineException("the engine closed the event stream"));
        }
    }

    /// <summary>Where to resume: the last event's time, and which events at exactly that time were already delivered
    /// (the engine replays <c>since</c> inclusively).</summary>
    private sealed class ResumePoint(DateTimeOffset start)
    {
        private readonly HashSet<(string Type, string Action, string Actor)> deliveredAtLast = [];
        private DateTimeOffset? last;

        public DateTimeOffset Since => last ?? start;

        public bool Accept(EngineEvent engineEvent)
        {
            if (last is { } previous)
            {
                if (engineEvent.Time < previous)
                {
                    return false;
                }

                if (engineEvent.Time == previous)
                {
                    return deliveredAtLast.Add((engineEvent.Type, engineEvent.Action, engineEvent.ActorId));
                }
            }

            last = engineEvent.Time;
            deliveredAtLast.Clear();
            deliveredAtLast.Add((engineEvent.Type, engineEvent.Action, engineEvent.ActorId));
            return true;
        }
    }
}

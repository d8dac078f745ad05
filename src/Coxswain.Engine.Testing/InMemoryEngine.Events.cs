using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Coxswain.Engine.Testing;

/// <summary>The event stream: what is published, in Docker 20.10's order and with its attributes.</summary>
public sealed partial class InMemoryEngine
{
    /// <inheritdoc />
    public async IAsyncEnumerable<EngineEvent> GetEventsAsync(EventFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new EventFilter();
        cancellationToken.ThrowIfCancellationRequested();
        var channel = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
        List<EngineEvent> replay;
        DateTimeOffset now;
        lock (_gate)
        {
            Enter(nameof(GetEventsAsync));
            now = _time.GetUtcNow();
            replay = filter.Since is { } since ? _eventHistory.Where(e => e.Time >= since).ToList() : [];
            _eventSubscribers.Add(channel);
        }

        try
        {
            foreach (var e in replay)
            {
                if (filter.Until is { } until && e.Time > until)
                {
                    yield break;
                }

                if (Matches(e, filter))
                {
                    yield return e;
                }
            }

            if (filter.Until is { } end && end <= now)
            {
                yield break;
            }

            using var untilReached = filter.Until is { } stop ? new CancellationTokenSource(stop - now, _time) : null;
            while (await WaitForEventAsync(channel.Reader, untilReached, cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var e))
                {
                    if (filter.Until is { } until && e.Time > until)
                    {
                        yield break;
                    }

                    if (Matches(e, filter))
                    {
                        yield return e;
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _eventSubscribers.Remove(channel);
            }
        }
    }

    /// <summary>True when an event is waiting; false when <paramref name="untilReached"/> fired (and nothing is left) or the engine was disposed.
    /// A dropped connection surfaces as <see cref="EngineUnavailableException"/> (the channel completes with it).</summary>
    private static async Task<bool> WaitForEventAsync(ChannelReader<EngineEvent> reader, CancellationTokenSource? untilReached, CancellationToken cancellationToken)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, untilReached?.Token ?? CancellationToken.None);
        try
        {
            return await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (untilReached?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            // Events published before the end time may still wait in the channel: drain them first.
            return reader.TryPeek(out _);
        }
    }

    private static bool Matches(EngineEvent e, EventFilter filter)
    {
        if (filter.Types.Count > 0 && !filter.Types.Contains(e.Type))
        {
            return false;
        }

        if (filter.Actions.Count > 0 && !filter.Actions.Contains(e.Action) && !filter.Actions.Contains(e.Action.Split(':')[0]))
        {
            return false;
        }

        if (!MatchesLabels(e.Attributes, filter.Labels))
        {
            return false;
        }

        return filter.Containers.Count == 0 || (e.Type == "container" && filter.Containers.Any(c =>
            e.ActorId.StartsWith(c, StringComparison.Ordinal) || (e.Attributes.TryGetValue("name", out var name) && name.StartsWith(c, StringComparison.Ordinal))));
    }

    /// <summary>Records and broadcasts an event; while disconnected nothing is recorded (as a real engine's stream shows).</summary>
    private void Publish(string type, string action, string actorId, Dictionary<string, string> attributes)
    {
        if (_disconnected || _disposed)
        {
            return;
        }

        var e = new EngineEvent(type, action, actorId, _time.GetUtcNow()) { Attributes = attributes };
        _eventHistory.Enqueue(e);
        while (_eventHistory.Count > Math.Max(0, _options.EventHistoryLimit))
        {
            _eventHistory.Dequeue();
        }

        foreach (var subscriber in _eventSubscribers)
        {
            subscriber.Writer.TryWrite(e);
        }
    }

    private void PublishContainer(ContainerRecord container, string action, params (string Key, string Value)[] extra)
    {
        var attributes = new Dictionary<string, string>(container.Spec.Labels, StringComparer.Ordinal)
        {
            ["image"] = container.Spec.Image,
            ["name"] = container.Name,
        };
        foreach (var (key, value) in extra)
        {
            attributes[key] = value;
        }

        Publish("container", action, container.Id, attributes);
    }

    private void PublishKill(ContainerRecord container, string signal) =>
        PublishContainer(container, "kill", ("signal", SignalNames.Number(signal).ToString(CultureInfo.InvariantCulture)));

    private void PublishNetwork(NetworkRecord network, string action, string? containerId = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = network.Name, ["type"] = network.Driver };
        if (containerId is not null)
        {
            attributes["container"] = containerId;
        }

        Publish("network", action, network.Id, attributes);
    }

    private void PublishVolume(VolumeRecord volume, string action, params (string Key, string Value)[] extra)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["driver"] = volume.Driver };
        foreach (var (key, value) in extra)
        {
            attributes[key] = value;
        }

        Publish("volume", action, volume.Name, attributes);
    }

    private void PublishImage(string action, string actorId, string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        var attributes = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["name"] = name };
        Publish("image", action, actorId, attributes);
    }

    /// <summary>Drops the connection: every call and open stream fails with <see cref="EngineUnavailableException"/>.</summary>
    internal void Disconnect()
    {
        lock (_gate)
        {
            if (_disconnected)
            {
                return;
            }

            _disconnected = true;
            var error = Unavailable();
            foreach (var subscriber in _eventSubscribers)
            {
                subscriber.Writer.TryComplete(error);
            }

            _eventSubscribers.Clear();
            _connection.Cancel();
            Changed();
        }
    }

    internal void Reconnect()
    {
        lock (_gate)
        {
            if (!_disconnected)
            {
                return;
            }

            _disconnected = false;
            _connection.Dispose();
            _connection = new CancellationTokenSource();
        }
    }

    internal bool IsDisconnected
    {
        get
        {
            lock (_gate)
            {
                return _disconnected;
            }
        }
    }
}

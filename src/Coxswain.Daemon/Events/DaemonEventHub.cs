using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Coxswain.Daemon.Events;

/// <summary>
/// Fans daemon events out to every subscriber (each <c>GET /events</c> stream) and keeps the latest ones, so a new
/// subscriber first gets what it missed after the sequence number it names (SSE's <c>Last-Event-ID</c>). A subscriber
/// that does not keep up loses its oldest unread events rather than slowing the daemon down.
/// </summary>
public sealed class DaemonEventHub
{
    /// <summary>Events kept for late subscribers unless told: 1000.</summary>
    public const int DefaultHistory = 1000;

    private readonly Lock _gate = new();
    private readonly Queue<DaemonEvent> _recent = new();
    private readonly List<Channel<DaemonEvent>> _subscribers = [];
    private readonly int _history;
    private long _sequence;

    /// <summary>Creates a hub keeping <paramref name="history"/> events.</summary>
    /// <param name="history">How many recent events to keep.</param>
    public DaemonEventHub(int history = DefaultHistory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        _history = history;
    }

    /// <summary>The kept events, oldest first.</summary>
    public IReadOnlyList<DaemonEvent> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Publishes an event to every subscriber; returns it with its sequence number.</summary>
    /// <param name="daemonEvent">The event.</param>
    public DaemonEvent Publish(DaemonEvent daemonEvent)
    {
        ArgumentNullException.ThrowIfNull(daemonEvent);
        lock (_gate)
        {
            var numbered = daemonEvent with { Sequence = ++_sequence };
            _recent.Enqueue(numbered);
            while (_recent.Count > _history)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(numbered);
            }

            return numbered;
        }
    }

    /// <summary>The kept events after <paramref name="after"/>, then every new one, until cancelled.</summary>
    /// <param name="after">The last sequence number the subscriber has seen (0 for all kept events).</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public async IAsyncEnumerable<DaemonEvent> SubscribeAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DaemonEvent>(new BoundedChannelOptions(_history) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            foreach (var missed in _recent.Where(e => e.Sequence > after))
            {
                channel.Writer.TryWrite(missed);
            }

            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var next in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return next;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}

namespace Coxswain.Daemon.Events;

/// <summary>One state change or decision the daemon publishes on <c>GET /events</c>.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Kind">What kind, e.g. <c>restarted</c>, <c>failed</c>, <c>installed</c>, <c>adopted</c>.</param>
/// <param name="Subject">What it is about, e.g. <c>app/db</c> (project/service) or an app id.</param>
/// <param name="Message">For people: "restarted db: crashed (exit 1), attempt 3 of 10, backoff 4 s".</param>
public sealed record DaemonEvent(DateTimeOffset Time, string Kind, string Subject, string Message)
{
    /// <summary>The event's number in this daemon's run, from 1 (the SSE <c>id</c>).</summary>
    public long Sequence { get; init; }
}

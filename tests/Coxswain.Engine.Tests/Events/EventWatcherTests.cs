using Coxswain.Engine.Tests.Support;
using Xunit;

namespace Coxswain.Engine.Tests.Events;

public sealed class EventWatcherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 11, 0, 0, TimeSpan.Zero);

    private readonly ManualTime time = new();
    private readonly FakeSystemOperations engine = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static EngineEvent Event(string action, int second, string actor = "c1") => new("container", action, actor, T0.AddSeconds(second));

    private Watch Start(EventFilter? filter = null) => new(new EventWatcher(engine, new EventWatcherOptions { TimeProvider = time }), filter);

    private async Task<FakeSystemOperations.Session> NextSession() => await engine.NextSessionAsync(Token).AsTask().WaitAsync(Bound, Token);

    private async Task<TimeSpan> NextTimer() => await time.NextTimerAsync(Token).AsTask().WaitAsync(Bound, Token);

    [Fact]
    public async Task WatchAsync_StreamDrops_WaitsPingsYieldsMarkerThenResumesSinceLastEventWithoutDuplicates()
    {
        await using var watch = Start(new EventFilter { Labels = ["io.coxswain.managed=true"] });
        var next = watch.MoveNext();
        var session = await NextSession();
        session.Push(Event("start", 1));
        Assert.Equal("start", (await watch.EventAsync(next)).Action);
        next = watch.MoveNext();
        session.Push(Event("die", 2));
        Assert.Equal("die", (await watch.EventAsync(next)).Action);

        next = watch.MoveNext();
        session.Fail(FakeSystemOperations.Unavailable("watch engine events: the connection dropped"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), await NextTimer());
        time.Advance(TimeSpan.FromMilliseconds(200));

        var reconnected = await watch.ReconnectedAsync(next);
        Assert.Contains("the connection dropped", Assert.Single(watch.Drops).Cause.Message, StringComparison.Ordinal);
        Assert.Equal(1, reconnected.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), reconnected.Gap);
        Assert.Contains("the connection dropped", reconnected.Cause.Message, StringComparison.Ordinal);
        Assert.Equal(1, engine.Pings);

        next = watch.MoveNext();
        var resumed = await NextSession();
        Assert.Equal(T0.AddSeconds(2), engine.Filters[1].Since);
        Assert.Equal(["io.coxswain.managed=true"], engine.Filters[1].Labels);
        resumed.Push(Event("start", 1));
        resumed.Push(Event("die", 2));
        resumed.Push(Event("destroy", 2));
        Assert.Equal("destroy", (await watch.EventAsync(next)).Action);
    }

    [Fact]
    public async Task WatchAsync_StreamDrops_YieldsDisconnectedAtOnceBeforeWaitingThenReconnected()
    {
        await using var watch = Start();
        var first = watch.RawMoveNext();
        var session = await NextSession();
        var start = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(3));
        session.Fail(FakeSystemOperations.Unavailable("watch engine events: connection reset by peer"));

        Assert.True(await first.WaitAsync(Bound, Token));
        var drop = Assert.IsType<EventWatchItem.Disconnected>(watch.Current);
        Assert.Equal(start.AddSeconds(3), drop.At);
        Assert.Contains("connection reset by peer", drop.Cause.Message, StringComparison.Ordinal);
        Assert.Equal(0, engine.Pings);

        var step = watch.MoveNext();
        time.Advance(await NextTimer());
        var reconnected = await watch.ReconnectedAsync(step);
        Assert.Equal(drop.At, reconnected.DisconnectedAt);
    }

    [Fact]
    public async Task WatchAsync_EngineStaysDown_BacksOffExponentiallyUntilPingAnswers()
    {
        engine.PingAnswers.Enqueue(false);
        engine.PingAnswers.Enqueue(false);
        engine.PingAnswers.Enqueue(false);
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).Fail(FakeSystemOperations.Unavailable("connection refused"));

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var delay = await NextTimer();
            delays.Add(delay);
            time.Advance(delay);
        }

        var reconnected = await watch.ReconnectedAsync(next);
        Assert.Equal([200, 400, 800, 1600], delays.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(4, reconnected.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(3000), reconnected.Gap);
        Assert.Contains("ping: connection refused", reconnected.Cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_WithoutSince_FirstConnectionIsLiveOnlyAndReconnectReplaysFromWatchStart()
    {
        var start = time.GetUtcNow();
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).Fail(FakeSystemOperations.Unavailable("dropped"));
        time.Advance(await NextTimer());
        await watch.ReconnectedAsync(next);

        _ = watch.MoveNext();
        await NextSession();

        Assert.Null(engine.Filters[0].Since);
        Assert.Equal(start, engine.Filters[1].Since);
    }

    [Fact]
    public async Task WatchAsync_GivenSince_FirstConnectionReplaysFromIt()
    {
        await using var watch = Start(new EventFilter { Since = T0 });
        var next = watch.MoveNext();
        (await NextSession()).Push(Event("create", 0));

        Assert.Equal("create", (await watch.EventAsync(next)).Action);
        Assert.Equal(T0, engine.Filters[0].Since);
    }

    [Fact]
    public async Task WatchAsync_StreamEndsWithUntil_Ends()
    {
        await using var watch = Start(new EventFilter { Since = T0, Until = T0.AddSeconds(5) });
        var next = watch.MoveNext();
        var session = await NextSession();
        session.Push(Event("create", 1));
        await watch.EventAsync(next);
        session.End();

        Assert.False(await watch.MoveNext().WaitAsync(Bound, Token));
    }

    [Fact]
    public async Task WatchAsync_StreamEndsWithoutUntil_CountsAsDrop()
    {
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).End();
        time.Advance(await NextTimer());

        var reconnected = await watch.ReconnectedAsync(next);

        Assert.Equal("the engine closed the event stream", reconnected.Cause.Message);
    }

    [Fact]
    public async Task WatchAsync_OtherEngineError_EndsTheWatchWithIt()
    {
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).Fail(new EngineApiException("watch engine events", System.Net.HttpStatusCode.BadRequest, "invalid filter 'bogus'"));

        await Assert.ThrowsAsync<EngineApiException>(() => next.WaitAsync(Bound, Token));
    }

    [Fact]
    public async Task WatchAsync_EventAfterReconnect_ResetsTheBackoff()
    {
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).Fail(FakeSystemOperations.Unavailable("dropped"));
        time.Advance(await NextTimer());
        await watch.ReconnectedAsync(next);

        next = watch.MoveNext();
        var session = await NextSession();
        session.Push(Event("start", 1));
        await watch.EventAsync(next);
        _ = watch.MoveNext();
        session.Fail(FakeSystemOperations.Unavailable("dropped again"));

        Assert.Equal(TimeSpan.FromMilliseconds(200), await NextTimer());
    }

    [Fact]
    public async Task WatchAsync_DropsAgainRightAfterReconnect_KeepsBackingOff()
    {
        await using var watch = Start();
        var next = watch.MoveNext();
        (await NextSession()).Fail(FakeSystemOperations.Unavailable("dropped"));
        time.Advance(await NextTimer());
        await watch.ReconnectedAsync(next);

        _ = watch.MoveNext();
        (await NextSession()).Fail(FakeSystemOperations.Unavailable("dropped again"));

        Assert.Equal(TimeSpan.FromMilliseconds(400), await NextTimer());
    }

    [Fact]
    public async Task WatchAsync_Cancelled_StopsWaitingForEvents()
    {
        await using var watch = Start();
        var next = watch.MoveNext();
        await NextSession();

        await watch.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Bound, Token));
    }

    /// <summary>One running watch; disposing it cancels the watch and waits for the pending step before disposing the enumerator.</summary>
    private sealed class Watch : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        private readonly IAsyncEnumerator<EventWatchItem> items;
        private Task<bool>? pending;

        public Watch(EventWatcher watcher, EventFilter? filter) => items = watcher.WatchAsync(filter, stop.Token).GetAsyncEnumerator(stop.Token);

        /// <summary>The <see cref="EventWatchItem.Disconnected"/> markers seen so far (<see cref="MoveNext"/> steps over them).</summary>
        public List<EventWatchItem.Disconnected> Drops { get; } = [];

        /// <summary>The next item that is not a <see cref="EventWatchItem.Disconnected"/> marker.</summary>
        public Task<bool> MoveNext() => pending = NextAsync(skipDrops: true);

        /// <summary>The item the last step reached.</summary>
        public EventWatchItem Current => items.Current;

        /// <summary>The next item, whatever it is.</summary>
        public Task<bool> RawMoveNext() => pending = NextAsync(skipDrops: false);

        private async Task<bool> NextAsync(bool skipDrops)
        {
            while (await items.MoveNextAsync())
            {
                if (skipDrops && items.Current is EventWatchItem.Disconnected drop)
                {
                    Drops.Add(drop);
                    continue;
                }

                return true;
            }

            return false;
        }

        public async Task<EngineEvent> EventAsync(Task<bool> step)
        {
            Assert.True(await step.WaitAsync(Bound, Token));
            return Assert.IsType<EventWatchItem.EventReceived>(items.Current).Event;
        }

        public async Task<EventWatchItem.Reconnected> ReconnectedAsync(Task<bool> step)
        {
            Assert.True(await step.WaitAsync(Bound, Token));
            return Assert.IsType<EventWatchItem.Reconnected>(items.Current);
        }

        public Task CancelAsync() => stop.CancelAsync();

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            if (pending is not null)
            {
                try
                {
                    await pending.WaitAsync(Bound, CancellationToken.None);
                }
                catch (Exception ex) when (ex is OperationCanceledException or EngineException)
                {
                    // Expected: the watch was cancelled, or the test made it fail.
                }
            }

            await items.DisposeAsync();
            stop.Dispose();
        }
    }
}

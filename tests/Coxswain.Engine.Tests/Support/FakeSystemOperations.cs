using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Coxswain.Engine.Tests.Support;

/// <summary>A hand-written <see cref="ISystemOperations"/> whose event streams the test drives: each call to
/// <see cref="GetEventsAsync"/> opens a <see cref="Session"/> the test gets from <see cref="NextSessionAsync"/>.</summary>
internal sealed class FakeSystemOperations : ISystemOperations
{
    private readonly Channel<Session> sessions = Channel.CreateUnbounded<Session>();

    public static EngineEndpoint Endpoint { get; } = new("unix:///fake/engine.sock", "test");

    /// <summary>Answers of the next pings, in order; true = answers, false = unavailable. Empty = answers.</summary>
    public Queue<bool> PingAnswers { get; } = new();

    public int Pings { get; private set; }

    public List<EventFilter> Filters { get; } = [];

    public static EngineUnavailableException Unavailable(string why) =>
        new([new EndpointAttempt(Endpoint, why)], "start the fake engine");

    public ValueTask<Session> NextSessionAsync(CancellationToken cancellationToken) => sessions.Reader.ReadAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        Pings++;
        return PingAnswers.Count == 0 || PingAnswers.Dequeue() ? Task.CompletedTask : Task.FromException(Unavailable("ping: connection refused"));
    }

    public Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new EngineVersion(EngineKind.InMemory, "1", "1.41", "1.12"));

    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default) => Task.FromResult(new EngineInfo());

    public IAsyncEnumerable<EngineEvent> GetEventsAsync(EventFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var session = new Session();
        Filters.Add(filter ?? new EventFilter());
        sessions.Writer.TryWrite(session);
        return session.ReadAsync(cancellationToken);
    }

    /// <summary>One open event stream.</summary>
    internal sealed class Session
    {
        private readonly Channel<(EngineEvent? Event, Exception? Error)> items = Channel.CreateUnbounded<(EngineEvent?, Exception?)>();

        public void Push(EngineEvent engineEvent) => items.Writer.TryWrite((engineEvent, null));

        public void Fail(Exception error) => items.Writer.TryWrite((null, error));

        public void End() => items.Writer.TryComplete();

        public async IAsyncEnumerable<EngineEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var (engineEvent, error) in items.Reader.ReadAllAsync(cancellationToken))
            {
                if (error is not null)
                {
                    throw error;
                }

                yield return engineEvent!;
            }
        }
    }
}

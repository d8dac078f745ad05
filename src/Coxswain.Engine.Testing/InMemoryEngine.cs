using System.Globalization;
using System.Threading.Channels;

namespace Coxswain.Engine.Testing;

/// <summary>
/// An honest in-memory container engine: containers, execs, logs, images, networks, volumes and events behave as
/// Docker 20.10 (API 1.41) shows them, including event order, error messages, PID 1 signal semantics and stop timeouts,
/// so code tested here behaves the same on a real engine. Every delay runs on the given <see cref="System.TimeProvider"/>:
/// with a <see cref="ManualTimeProvider"/> tests take no wall time.
/// </summary>
/// <remarks>
/// What containers run is pluggable (<see cref="Programs"/>, <see cref="InMemoryEngineOptions.ProgramResolver"/>; the
/// default is <see cref="ShellProgram"/>). Exec results can be scripted (<see cref="Exec"/>), images published in a fake
/// registry (<see cref="Registry"/>) or seeded locally (<see cref="AddLocalImage"/>), and faults injected
/// (<see cref="Faults"/>). Thread-safe: one lock guards all state; programs run outside it.
/// </remarks>
public sealed partial class InMemoryEngine : IEngineClient
{
    private static readonly string[] Adjectives = ["admiring", "brave", "calm", "eager", "gifted", "happy", "jolly", "keen", "nifty", "quirky", "serene", "vibrant"];
    private static readonly string[] Surnames = ["babbage", "curie", "darwin", "euler", "hopper", "lovelace", "noether", "pascal", "ritchie", "turing"];

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly InMemoryEngineOptions _options;
    private readonly Random _random;
    private readonly Dictionary<string, ContainerRecord> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImageRecord> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkRecord> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VolumeRecord> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecRecord> _execs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextHostAddress = new(StringComparer.Ordinal);
    private readonly Queue<EngineEvent> _eventHistory = new();
    private readonly List<Channel<EngineEvent>> _eventSubscribers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _connection = new();
    private bool _disconnected;
    private bool _disposed;
    private long _sequence;
    private int _nextSubnet = 18;
    private int _nextHostPort = 32768;
    private int _nextPid = 1000;

    /// <summary>Creates an engine on <paramref name="timeProvider"/> (the system clock when null).</summary>
    public InMemoryEngine(TimeProvider? timeProvider = null, InMemoryEngineOptions? options = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new InMemoryEngineOptions();
        _random = new Random(_options.Seed);
        Faults = new EngineFaults(this);
        Registry = new FakeRegistry();
        Exec = new ExecScripts();
        Programs = new ProgramRegistry();
        var now = _time.GetUtcNow();
        foreach (var (name, driver, subnet) in new[] { ("bridge", "bridge", 17), ("host", "host", 0), ("none", "null", 0) })
        {
            var network = new NetworkRecord(NewHexId(), name, driver, new Dictionary<string, string>(), Internal: false, Predefined: true, now, subnet);
            _networks[network.Id] = network;
        }
    }

    /// <inheritdoc />
    public EngineEndpoint Endpoint { get; } = new("unix:///in-memory/docker.sock", "in-memory engine");

    /// <summary>The clock every delay, timestamp and timeout of this engine uses.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Fault injection: failing or slow pulls, failing starts, crashes, OOM kills, a dropped connection.</summary>
    public EngineFaults Faults { get; }

    /// <summary>The fake remote registry that <see cref="PullImageAsync"/> pulls from.</summary>
    public FakeRegistry Registry { get; }

    /// <summary>Scripted exec results (for probes): matched before the shell runs an exec.</summary>
    public ExecScripts Exec { get; }

    /// <summary>Which program containers run, by image, name or rule.</summary>
    public ProgramRegistry Programs { get; }

    /// <summary>Puts an image straight into the local store (as if pulled or built earlier) and returns its id.
    /// A reference already in use moves to the new image.</summary>
    public string AddLocalImage(string reference, ImageDefinition? image = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        lock (_gate)
        {
            var normalized = ImageReference.Normalize(reference);
            var id = "sha256:" + Hashing.Sha256Hex("local:" + normalized + ":" + _sequence++);
            var record = new ImageRecord { Id = id, Definition = image ?? ImageDefinition.Busybox, Created = _time.GetUtcNow() };
            _images[id] = record;
            MoveTag(normalized, record);
            return id;
        }
    }

    /// <summary>Kills every process (no events) and ends open streams.</summary>
    public ValueTask DisposeAsync()
    {
        var deferred = new DeferredActions();
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            foreach (var container in _containers.Values)
            {
                container.PendingRestart?.Cancel();
                if (container.Run is { } run)
                {
                    run.Ended = true;
                    run.Exited.TrySetResult(137);
                    deferred.Add(run.Kill.Cancel);
                }
            }

            foreach (var subscriber in _eventSubscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _connection.Cancel();
            Changed();
        }

        deferred.Run();
        return ValueTask.CompletedTask;
    }

    /// <summary>Checks, under the lock, that a call may proceed: not disposed, connected, no injected failure.</summary>
    private void Enter(string method)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_disconnected)
        {
            throw Unavailable();
        }

        Faults.ThrowIfCallFails(method);
    }

    /// <summary>Re-checks, under the lock, that the engine is still there in the middle of a call (no fault is consumed).</summary>
    private void EnsureConnected()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_disconnected)
        {
            throw Unavailable();
        }
    }

    private EngineUnavailableException Unavailable() => new(
        [new EndpointAttempt(Endpoint, "connection refused: the in-memory engine is disconnected (Faults.Disconnect())")],
        "The in-memory engine is down by fault injection; call engine.Faults.Reconnect() to bring it back.");

    /// <summary>Wakes everything waiting for a change (log followers, waits). Call under the lock.</summary>
    private void Changed()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>Waits for the next change; a dropped connection ends the wait with <see cref="EngineUnavailableException"/>.</summary>
    private async Task WaitForChangeAsync(Task changed, CancellationToken connection, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection);
        try
        {
            await changed.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw Unavailable();
        }
    }

    private string NewHexId()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private string NewContainerName()
    {
        while (true)
        {
            var name = $"{Adjectives[_random.Next(Adjectives.Length)]}_{Surnames[_random.Next(Surnames.Length)]}";
            if (_containers.Values.All(c => c.Name != name))
            {
                return name;
            }

            name += _random.Next(1, 10).ToString(CultureInfo.InvariantCulture);
            if (_containers.Values.All(c => c.Name != name))
            {
                return name;
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "Call sites read best with the token first and the body last.")]
    private static Task Invoke(CancellationToken cancellationToken, Action action)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            action();
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "Call sites read best with the token first and the body last.")]
    private static Task<T> Invoke<T>(CancellationToken cancellationToken, Func<T> action)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(action());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private static bool MatchesLabels(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string>? filters) =>
        filters is null || filters.All(filter =>
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            return eq < 0
                ? labels.ContainsKey(filter)
                : labels.TryGetValue(filter[..eq], out var value) && value == filter[(eq + 1)..];
        });
}

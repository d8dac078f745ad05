using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;

namespace Coxswain.Supervision;

/// <summary>
/// The healing core of <c>cox daemon</c>. Watches the engine's event stream and Coxswain's own probes, classifies
/// failures, asks each service's <see cref="RestartTracker"/> what to do, and heals in dependency order through the one
/// DAG executor; keeps its state in a <see cref="SupervisorStore"/> so a restart of the daemon adopts what it owns and
/// keeps counters and user intent. All state changes happen on one loop, in order; public calls are queued onto it.
/// </summary>
public sealed partial class Supervisor : IAsyncDisposable
{
    private readonly IEngineClient _engine;
    private readonly SupervisorStore _store;
    private readonly SupervisorOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Func<Task>> _inbox = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, StackRuntime> _stacks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _oomSeen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<Channel<SupervisorEvent>> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly HealthMonitor _monitor;
    private Dictionary<string, ServiceState> _states = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _outages = [];
    private DateTimeOffset? _engineDownSince;
    private Task? _loop;
    private Task? _events;
    private int _running;

    /// <summary>Creates a supervisor over <paramref name="engine"/> keeping its state in <paramref name="store"/>.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">The state store (the supervisor does not dispose it).</param>
    /// <param name="options">Clock, randomness, defaults; null for the defaults.</param>
    public Supervisor(IEngineClient engine, SupervisorStore store, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        _engine = engine;
        _store = store;
        _options = options ?? new SupervisorOptions();
        _time = _options.TimeProvider;
        _monitor = new HealthMonitor(engine, _time);
    }

    /// <summary>
    /// Starts supervising: reloads the stacks the store holds, adopts their containers by label (recreating drifted ones,
    /// removing orphans, finishing what was in flight), brings them back in dependency order with health gating, then
    /// watches. Returns one adoption report per stack.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start (not the supervision; use <see cref="StopAsync"/>).</param>
    /// <returns>The adoption reports.</returns>
    /// <exception cref="InvalidOperationException">When already started.</exception>
    public async Task<IReadOnlyList<AdoptionReport>> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("the supervisor is already started; stop it before starting it again");
        }

        var since = _time.GetUtcNow();
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        _events = Task.Run(() => PumpEventsAsync(since, _stop.Token), CancellationToken.None);
        return await PostAsync(async () =>
        {
            var reports = new List<AdoptionReport>();
            foreach (var source in _store.Stacks())
            {
                ComposeProject project;
                try
                {
                    project = LoadProject(source);
                }
                catch (ArgumentException ex)
                {
                    reports.Add(new AdoptionReport(source.Project) { Errors = [ex.Message] });
                    continue;
                }

                reports.Add(await AdoptAsync(project, _store.Services(project.Name)).ConfigureAwait(false));
            }

            return (IReadOnlyList<AdoptionReport>)reports;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a stack to supervision (remembered across restarts): adopts what exists and brings the rest up in dependency order.</summary>
    /// <param name="project">The loaded Compose project.</param>
    /// <param name="cancellationToken">Cancels waiting for the result (the adoption goes on).</param>
    /// <returns>What was adopted, created, recreated, removed.</returns>
    /// <exception cref="ArgumentException">When a service's <c>x-cox.restart</c> settings are invalid (every problem listed).</exception>
    public Task<AdoptionReport> AddStackAsync(ComposeProject project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        _ = SettingsOf(project);
        return PostAsync(async () =>
        {
            _store.SaveStack(new StackSource(project.Name, project.Files, project.WorkingDirectory) { Profiles = project.EnabledProfiles });
            return await AdoptAsync(project, _store.Services(project.Name)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Stops supervising a stack (its containers are left as they are) and forgets its counters.</summary>
    /// <param name="project">The project name.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>True when it was supervised.</returns>
    public Task<bool> RemoveStackAsync(string project, CancellationToken cancellationToken = default) => PostAsync(async () =>
    {
        if (!_stacks.Remove(project, out var stack))
        {
            return false;
        }

        foreach (var service in stack.Services.Values)
        {
            service.Generation++;
            await StopProbesAsync(service).ConfigureAwait(false);
        }

        _store.RemoveStack(project);
        PublishStates();
        Emit(SupervisorEventKind.StackRemoved, project, null, $"stack {project} is no longer supervised; its containers are left as they are");
        return true;
    }, cancellationToken);

    /// <summary>A person stops a service: it is stopped (stop_grace_period) and never restarted, across daemon restarts, until started again.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The service's state after the stop.</returns>
    /// <exception cref="ArgumentException">When the stack or service is not supervised.</exception>
    public Task<ServiceState> StopServiceAsync(string project, string service, CancellationToken cancellationToken = default) =>
        PostAsync(() => UserStopAsync(Find(project, service)), cancellationToken);

    /// <summary>A person starts a service: user stop and failed state clear, counters reset, and it is started once its dependencies are ready.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The service's state once the start is under way.</returns>
    /// <exception cref="ArgumentException">When the stack or service is not supervised.</exception>
    public Task<ServiceState> StartServiceAsync(string project, string service, CancellationToken cancellationToken = default) =>
        PostAsync(() => UserStartAsync(Find(project, service)), cancellationToken);

    /// <summary>Every supervised service's current state (for <c>ps</c>), by project then service.</summary>
    /// <returns>The states.</returns>
    public IReadOnlyList<ServiceState> GetStates()
    {
        lock (_gate)
        {
            return [.. _states.Values.OrderBy(s => s.Project, StringComparer.Ordinal).ThenBy(s => s.Service, StringComparer.Ordinal)];
        }
    }

    /// <summary>One service's current state, or null when it is not supervised.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <returns>The state.</returns>
    public ServiceState? GetState(string project, string service)
    {
        lock (_gate)
        {
            return _states.GetValueOrDefault(Key(project, service));
        }
    }

    /// <summary>The event history (from the store), oldest first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <param name="project">Only this stack, when given.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<SupervisorEvent> History(int limit = 100, string? project = null) => _store.Events(limit, project);

    /// <summary>The latest crash dossiers of a service, newest first.</summary>
    /// <param name="project">The stack.</param>
    /// <param name="service">The service.</param>
    /// <param name="limit">How many at most.</param>
    /// <returns>The dossiers.</returns>
    public IReadOnlyList<CrashDossier> Dossiers(string project, string service, int limit = 10) => _store.Dossiers(project, service, limit);

    /// <summary>The live feed of state changes and decisions from now on, until cancelled or the supervisor stops.</summary>
    /// <param name="cancellationToken">Ends the feed.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<SupervisorEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<SupervisorEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                yield break;
            }

            _watchers.Add(channel);
        }

        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    /// <summary>Stops supervising (containers keep running; nothing is stopped), and waits for the loop to end.</summary>
    /// <returns>A task.</returns>
    public async Task StopAsync()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        foreach (var task in new[] { _loop, _events })
        {
            if (task is not null)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // stopping
                }
            }
        }

        await _monitor.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static string Key(string project, string service) => project + "/" + service;

    private ServiceRuntime Find(string project, string service) =>
        !_stacks.TryGetValue(project, out var stack)
            ? throw new ArgumentException($"stack \"{project}\" is not supervised; supervised stacks: {string.Join(", ", _stacks.Keys.Order(StringComparer.Ordinal))}", nameof(project))
            : stack.Services.GetValueOrDefault(service)
              ?? throw new ArgumentException($"stack \"{project}\" has no service \"{service}\"; services: {string.Join(", ", stack.Services.Keys)}", nameof(service));

    private ComposeProject LoadProject(StackSource source)
    {
        if (_options.ProjectLoader?.Invoke(source) is { } loaded)
        {
            return loaded;
        }

        var result = ComposeLoader.Load(new LoadOptions
        {
            Files = source.Files,
            ProjectName = source.Project,
            WorkingDirectory = source.WorkingDirectory,
            Profiles = source.Profiles,
            Environment = _options.ComposeEnvironment,
        });
        return result.Project ?? throw new ArgumentException(
            $"stack {source.Project} could not be reloaded from {string.Join(", ", source.Files)}: {string.Join("; ", result.Diagnostics)}; fix the file and add the stack again");
    }

    private Dictionary<string, RestartSettings> SettingsOf(ComposeProject project)
    {
        var errors = new List<string>();
        var settings = project.Services.ToDictionary(s => s.Name, s => RestartSettingsReader.Read(s, _options.Defaults, errors), StringComparer.Ordinal);
        return errors.Count == 0 ? settings : throw new ArgumentException(
            $"stack {project.Name} has invalid x-cox.restart settings:\n  {string.Join("\n  ", errors)}", nameof(project));
    }
}

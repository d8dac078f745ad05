using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Stacks;
using Coxswain.Supervision;
using Coxswain.SupervisionScenarios.Fixtures;
using Xunit;

namespace Coxswain.SupervisionScenarios.Support;

/// <summary>
/// One scenario's bed: a Compose file in a temporary folder under a unique project name, a state store in a temporary SQLite
/// file, and a supervisor over the real engine. Disposing it stops the supervisor and removes everything that carries the
/// project's label (containers, networks, volumes), whatever state the test left.
/// </summary>
internal sealed class SupervisedStack : IAsyncDisposable
{
    private static readonly TimeSpan CleanupBound = TimeSpan.FromMinutes(2);
    private readonly SupervisionEngineFixture _fixture;
    private readonly string _root;
    private readonly List<SupervisorStore> _stores = [];
    private readonly CancellationTokenSource _kills = new();
    private readonly List<Task> _killing = [];

    /// <summary>Writes <paramref name="yaml"/> (with <c>{image}</c> replaced by the busybox image) and loads it.</summary>
    public SupervisedStack(SupervisionEngineFixture fixture, string yaml)
    {
        _fixture = fixture;
        Engine = fixture.Engine;
        Name = "sv" + Guid.NewGuid().ToString("N")[..10];
        _root = Path.Combine(Path.GetTempPath(), "cox-supervision-scenarios", Name);
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "compose.yaml");
        File.WriteAllText(file, yaml.Replace("{image}", LocalImages.BusyboxReference, StringComparison.Ordinal));
        var loaded = ComposeLoader.Load(new LoadOptions { Files = [file], ProjectName = Name, Environment = new Dictionary<string, string>() });
        Project = loaded.Project ?? throw new InvalidOperationException($"the scenario's Compose file does not load: {string.Join("\n", loaded.Diagnostics)}");
        StorePath = Path.Combine(_root, "state", "supervisor.db");
        Supervisor = NewSupervisor();
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IEngineClient Engine { get; }

    /// <summary>The project name (unique per scenario).</summary>
    public string Name { get; }

    public ComposeProject Project { get; }

    public string StorePath { get; }

    /// <summary>The current supervisor (replaced by <see cref="RestartAsync"/>).</summary>
    public Supervisor Supervisor { get; private set; }

    /// <summary>The deterministic container name of slot 1 of <paramref name="service"/>.</summary>
    public string Container(string service) => $"{Name}-{service}-1";

    /// <summary>Starts the supervisor and adds the stack to it.</summary>
    public async Task<AdoptionReport> StartAsync(TimeSpan bound)
    {
        await Supervisor.StartAsync(Ct).WaitAsync(bound, Ct);
        return await Supervisor.AddStackAsync(Project, Ct).WaitAsync(bound, Ct);
    }

    /// <summary>
    /// The supervising process dies: the current supervisor is abandoned at once (its loop and in-flight heal cancelled mid-way,
    /// its operations left in flight in the store, its store connection left open).
    /// </summary>
    public async Task CrashAsync(TimeSpan bound) => await Supervisor.DisposeAsync().AsTask().WaitAsync(bound, Ct);

    /// <summary>A new supervising process: a new supervisor opens the same store and starts (adopting what it finds).</summary>
    public async Task<IReadOnlyList<AdoptionReport>> RestartAsync(TimeSpan bound)
    {
        Supervisor = NewSupervisor();
        return await Supervisor.StartAsync(Ct).WaitAsync(bound, Ct);
    }

    /// <summary>What the current supervisor's store holds as in flight.</summary>
    public IReadOnlyList<InFlightOperation> InFlight() => _stores[^1].InFlight();

    public ServiceState State(string service) =>
        Supervisor.GetState(Name, service) ?? throw new InvalidOperationException($"{service} is not supervised in {Name}");

    /// <summary>The messages of the history (oldest first), of one kind and service when given.</summary>
    public IReadOnlyList<string> Messages(SupervisorEventKind? kind = null, string? service = null) =>
        [.. Supervisor.History(1000, Name).Where(e => (kind is null || e.Kind == kind) && (service is null || e.Service == service)).Select(e => e.Message)];

    /// <summary>
    /// Sends SIGKILL to <paramref name="service"/>'s container without waiting for the answer. Podman's compat kill answers only
    /// once it has seen the container exited (it polls every 250 ms): when the supervisor restarts the container sooner, the
    /// call goes on for many seconds. The call is cancelled when the bed is disposed.
    /// </summary>
    public void Kill(string service) => _killing.Add(Engine.KillContainerAsync(Container(service), "SIGKILL", _kills.Token));

    /// <summary>Every container of the project (running or not), by label.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        Engine.ListContainersAsync(new ContainerListOptions { Labels = [StackLabels.ProjectFilter(Name)] }, Ct);

    public async Task<ContainerInfo?> InspectAsync(string service)
    {
        try
        {
            return await Engine.InspectContainerAsync(Container(service), Ct);
        }
        catch (EngineNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Waits (polling every 100 ms of real time) until <paramref name="condition"/> holds; fails after
    /// <paramref name="within"/> with the states and the history.</summary>
    public async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(within);
        var since = DateTimeOffset.UtcNow;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"{_fixture.EngineName}: not true within {within} (waited from {since:HH:mm:ss.fff}): {what}\n{Describe()}");
            }
        }
    }

    public Task WaitForAsync(Func<bool> condition, TimeSpan within, string what) =>
        WaitForAsync(() => Task.FromResult(condition()), within, what);

    /// <summary>The states and the history, for failure messages.</summary>
    public string Describe()
    {
        var now = DateTimeOffset.UtcNow;
        var states = string.Join("; ", Supervisor.GetStates().Where(s => s.Project == Name).Select(s => $"{s.Service}: {s.Describe(now)}"));
        var history = Supervisor.History(1000, Name).Select(e => $"{e.Time:HH:mm:ss.fff} {e.Kind} {e.Message}");
        return $"states: {states}\nhistory:\n  {string.Join("\n  ", history)}";
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(CleanupBound);
        await _kills.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_killing)).WaitAsync(bound.Token);
        _kills.Dispose();
        try
        {
            await Supervisor.DisposeAsync().AsTask().WaitAsync(bound.Token);
        }
        finally
        {
            foreach (var store in _stores)
            {
                store.Dispose();
            }

            await RemoveEverythingAsync(bound.Token);
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // a leftover temporary folder is harmless
            }
        }
    }

    private Supervisor NewSupervisor()
    {
        var store = SupervisorStore.Open(StorePath);
        _stores.Add(store);
        return new Supervisor(Engine, store, new SupervisorOptions
        {
            OomEvidence = _fixture.OomEvidence,
            ComposeEnvironment = new Dictionary<string, string>(),
            WaitTimeout = TimeSpan.FromSeconds(60),
        });
    }

    private async Task RemoveEverythingAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> filter = [StackLabels.ProjectFilter(Name)];
        foreach (var container in await Engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, cancellationToken))
        {
            try
            {
                await Engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, cancellationToken);
            }
            catch (EngineNotFoundException)
            {
                // already gone
            }
        }

        foreach (var network in await Engine.ListNetworksAsync(filter, cancellationToken))
        {
            try
            {
                await Engine.RemoveNetworkAsync(network.Id, cancellationToken);
            }
            catch (EngineNotFoundException)
            {
                // already gone
            }
        }

        foreach (var volume in await Engine.ListVolumesAsync(filter, cancellationToken))
        {
            try
            {
                await Engine.RemoveVolumeAsync(volume.Name, cancellationToken: cancellationToken);
            }
            catch (EngineNotFoundException)
            {
                // already gone
            }
        }
    }
}

using Coxswain.Compose;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Supervision.Tests.Support;

/// <summary>An in-memory engine on a manual clock, a state store in a temporary file, and a supervisor over both,
/// with a way to move the clock until something is true (bounded).</summary>
internal sealed class SupervisorKit : IAsyncDisposable
{
    public SupervisorKit(string? storePath = null, ManualTimeProvider? time = null, InMemoryEngine? engine = null)
    {
        Time = time ?? new ManualTimeProvider();
        Engine = engine ?? new InMemoryEngine(Time);
        if (engine is null)
        {
            Engine.AddLocalImage("busybox:test");
            Engine.Exec.Script(cmd => cmd.Contains("probe"), ScriptedExecResult.Success("ok"));
        }

        StorePath = storePath ?? Path.Combine(Path.GetTempPath(), "cox-supervision-tests", Guid.NewGuid().ToString("N"), "state.db");
        Store = SupervisorStore.Open(StorePath);
        Supervisor = new Supervisor(Engine, Store, new SupervisorOptions
        {
            TimeProvider = Time,
            Random = new FixedRandom(0),
            ComposeEnvironment = new Dictionary<string, string>(),
            ExternalStopIsUserIntent = true,
        });
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ManualTimeProvider Time { get; }

    public InMemoryEngine Engine { get; }

    public string StorePath { get; }

    public SupervisorStore Store { get; }

    public Supervisor Supervisor { get; }

    public ServiceState State(string service, string project = "box") =>
        Supervisor.GetState(project, service) ?? throw new InvalidOperationException($"{service} is not supervised");

    public IReadOnlyList<string> Messages(SupervisorEventKind? kind = null) =>
        [.. Supervisor.History(1000).Where(e => kind is null || e.Kind == kind).Select(e => e.Message)];

    public async Task<bool> RunningAsync(string container)
    {
        try
        {
            return (await Engine.InspectContainerAsync(container, Ct)).State.Running;
        }
        catch (EngineNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Starts the supervisor and adds <paramref name="project"/>, moving the clock while the adoption waits (probes, dependencies).</summary>
    public async Task<AdoptionReport> StartWithAsync(ComposeProject project)
    {
        await RunAsync(Supervisor.StartAsync(Ct));
        return await RunAsync(Supervisor.AddStackAsync(project, Ct));
    }

    /// <summary>Moves the clock in steps of <paramref name="step"/> (100 ms by default) until <paramref name="running"/> completes.</summary>
    public async Task<T> RunAsync<T>(Task<T> running, TimeSpan? step = null)
    {
        for (var i = 0; i < 20_000 && !running.IsCompleted; i++)
        {
            await Task.WhenAny(running, Time.WaitForTimersAsync(1, Ct)).WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await PaceAsync(running);
            if (!running.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        return await running.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    /// <summary>Lets the supervisor process what is queued, then moves the clock in steps until <paramref name="condition"/> holds
    /// (checked after each drain); fails after <paramref name="within"/> of clock time.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan? step = null, string? what = null)
    {
        var end = Time.GetUtcNow() + within;
        while (true)
        {
            await SettleAsync();
            if (await condition())
            {
                return;
            }

            if (Time.GetUtcNow() >= end)
            {
                var states = string.Join("; ", Supervisor.GetStates().Select(s => $"{s.Service}: {s.Describe(Time.GetUtcNow())}"));
                throw new Xunit.Sdk.XunitException($"not true within {within} of clock time: {what}\nstates: {states}\nhistory:\n  {string.Join("\n  ", Messages())}");
            }

            await PaceAsync(Task.CompletedTask);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
        }
    }

    public Task UntilAsync(Func<bool> condition, TimeSpan within, TimeSpan? step = null, string? what = null) =>
        UntilAsync(() => Task.FromResult(condition()), within, step, what);

    /// <summary>Gives background work a few chances to post onto the loop, and waits for the loop to drain.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Yield();
            await Supervisor.DrainAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }
    }

    /// <summary>Lets thread-pool work catch up before the manual clock moves again: on a loaded machine the clock would otherwise
    /// run ahead of the code under test. A pacing yield of at most 2 ms of real time, never a wait for an outcome.</summary>
    private static async Task PaceAsync(Task running)
    {
        await Task.Yield();
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        Store.Dispose();
    }
}

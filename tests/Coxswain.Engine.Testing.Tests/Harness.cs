namespace Coxswain.Engine.Testing.Tests;

/// <summary>An in-memory engine on a manual clock with a busybox-like image, plus helpers to run and observe containers.</summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string Image = "busybox:test";

    public Harness(InMemoryEngineOptions? options = null)
    {
        Engine = new InMemoryEngine(Time, options);
        Engine.AddLocalImage(Image);
        Start = Time.GetUtcNow();
    }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryEngine Engine { get; }

    public DateTimeOffset Start { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public async Task<string> CreateAsync(string name, params string[] command) =>
        (await Engine.CreateContainerAsync(new ContainerSpec { Name = name, Image = Image, Command = command }, Token)).Id;

    public async Task<string> RunAsync(string name, params string[] command)
    {
        var id = await CreateAsync(name, command);
        await Engine.StartContainerAsync(id, Token);
        return id;
    }

    public Task<string> RunShellAsync(string name, string script) => RunAsync(name, "sh", "-c", script);

    public async Task<ContainerState> StateAsync(string idOrName) => (await Engine.InspectContainerAsync(idOrName, Token)).State;

    /// <summary>Every event since the harness started, replayed (the stream ends at "now").</summary>
    public async Task<List<EngineEvent>> EventsAsync(EventFilter? filter = null)
    {
        filter = (filter ?? new EventFilter()) with { Since = Start, Until = Time.GetUtcNow() };
        var events = new List<EngineEvent>();
        await foreach (var e in Engine.GetEventsAsync(filter, Token).Within())
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>"type action" of each event (with the signal for kill and the exit code for die).</summary>
    public async Task<List<string>> EventNamesAsync(EventFilter? filter = null) =>
        (await EventsAsync(filter)).Select(Describe).ToList();

    public static string Describe(EngineEvent e) => e.Action switch
    {
        "kill" => $"{e.Type} kill {e.Attributes["signal"]}",
        "die" => $"{e.Type} die {e.Attributes["exitCode"]}",
        _ => $"{e.Type} {e.Action}",
    };

    public async Task<List<LogLine>> LogsAsync(string idOrName, LogOptions? options = null)
    {
        var lines = new List<LogLine>();
        await foreach (var line in Engine.GetLogsAsync(idOrName, options, Token).Within())
        {
            lines.Add(line);
        }

        return lines;
    }

    public async Task<List<string>> StdoutAsync(string idOrName) =>
        (await LogsAsync(idOrName, new LogOptions { Stderr = false })).Select(l => l.Text).ToList();

    public async Task<List<string>> StderrAsync(string idOrName) =>
        (await LogsAsync(idOrName, new LogOptions { Stdout = false })).Select(l => l.Text).ToList();

    /// <summary>Waits (bounded, in wall time) for the container to exit and returns its exit code.</summary>
    public Task<long> ExitCodeAsync(string idOrName) => Engine.WaitContainerAsync(idOrName, Token).Within();

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}

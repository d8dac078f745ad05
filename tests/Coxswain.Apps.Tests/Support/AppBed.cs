using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Apps.Tests.Support;

/// <summary>An in-memory engine on a manual clock, a temporary catalog and state folder, and the manager over them.</summary>
internal sealed class AppBed : IAsyncDisposable
{
    public const string Image = "busybox:test";

    public AppBed(Func<AppManagerOptions, AppManagerOptions>? configure = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "cox-apps-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Engine = new InMemoryEngine(Time);
        Engine.AddLocalImage(Image);
        var options = new AppManagerOptions
        {
            CatalogDirectory = Path.Combine(Root, "catalog"),
            StateDirectory = Path.Combine(Root, "state"),
            TimeProvider = Time,
            MaxParallelism = 1,
        };
        Manager = new AppManager(Engine, configure is null ? options : configure(options));
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Root { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryEngine Engine { get; }

    public AppManager Manager { get; }

    /// <summary>Writes <c>catalog/&lt;id&gt;/compose.yaml</c> and extra files next to it.</summary>
    public string AddApp(string id, string yaml, params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Root, "catalog", id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "compose.yaml"), yaml);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }

    /// <summary>
    /// Runs an operation on the manual clock: whenever a timer of at most <see cref="ShortTimer"/> is pending (a probe interval,
    /// a poll, a backoff, a stop timeout) the clock moves to it; the long sleeps of the containers' main processes never are
    /// reached. Between moves the driver yields a moment so the operation can react to the timer that fired.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> running, int maxSteps = 20_000)
    {
        for (var i = 0; i < maxSteps && !running.IsCompleted; i++)
        {
            if (Time.TimeUntilNextTimer is { } next && next <= ShortTimer)
            {
                Time.AdvanceToNextTimer();
            }

            await Task.WhenAny(running, Task.Delay(2, Ct));
        }

        return await running.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>Timers up to this long are moved to by <see cref="DriveAsync{T}"/>.</summary>
    public static TimeSpan ShortTimer { get; } = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<string>> LabelledAsync(string project)
    {
        IReadOnlyList<string> filter = [$"io.coxswain.project={project}"];
        var containers = await Engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, Ct);
        var networks = await Engine.ListNetworksAsync(filter, Ct);
        var volumes = await Engine.ListVolumesAsync(filter, Ct);
        return containers.Select(c => "container " + c.Name).Concat(networks.Select(n => "network " + n.Name)).Concat(volumes.Select(v => "volume " + v.Name)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

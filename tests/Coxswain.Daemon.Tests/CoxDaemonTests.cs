using System.Text.Json;
using Coxswain.Daemon.Client;
using Coxswain.Daemon.Rpc;
using Coxswain.Engine.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Coxswain.Daemon.Tests;

/// <summary>The whole daemon (API, app manager, supervisor, store) on the in-memory engine, called over its real unix socket.</summary>
public sealed class CoxDaemonTests : IAsyncDisposable
{
    private const string App = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: always
            stop_grace_period: 0s
            x-cox:
              restart: { initial_delay: 10ms, jitter: 0 }
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            restart: always
            stop_grace_period: 0s
            depends_on: [db]
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cox-daemon-e2e", Guid.NewGuid().ToString("N")[..8]);
    private readonly InMemoryEngine _engine = new();

    public CoxDaemonTests()
    {
        _engine.AddLocalImage("busybox:test");
        Directory.CreateDirectory(Path.Combine(_folder, "catalog", "demo"));
        File.WriteAllText(Path.Combine(_folder, "catalog", "demo", "compose.yaml"), App);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Socket => Path.Combine(_folder, "run", "cox.sock");

    [Fact]
    public async Task Install_ThenACrash_TheDaemonRestartsTheServiceAndRecordsWhy()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var daemon = StartDaemon(stop.Token);
        using var client = await ConnectAsync();

        var installed = await client.CallAsync("package.install", new { id = "demo" }, Ct).WaitAsync(Bound, Ct);
        var before = await _engine.InspectContainerAsync("demo-db-1", Ct);
        _engine.Faults.Crash("demo-db-1", 3);
        await UntilAsync(async () => (await _engine.InspectContainerAsync("demo-db-1", Ct)) is { State.Running: true } c && c.State.StartedAt != before.State.StartedAt);
        var history = await UntilAsync(async () =>
        {
            var events = await client.CallAsync("events.list", new { project = "demo" }, Ct);
            return events.EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "restarted") ? events : (JsonElement?)null;
        });

        Assert.Equal("running", installed.GetProperty("summary").GetString());
        Assert.Contains(history!.Value.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("crashed (exit 3)", StringComparison.Ordinal));
        await stop.CancelAsync();
        await daemon.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Stop_ByAPerson_IsNotHealedAndSurvivesADaemonRestart()
    {
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var daemon = StartDaemon(first.Token);
            using var client = await ConnectAsync();
            await client.CallAsync("app.install", new { id = "demo" }, Ct).WaitAsync(Bound, Ct);
            await client.CallAsync("app.stop", new { id = "demo" }, Ct).WaitAsync(Bound, Ct);
            await first.CancelAsync();
            await daemon.WaitAsync(Bound, Ct);
        }

        using var second = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var again = StartDaemon(second.Token);
        using var next = await ConnectAsync();
        var states = await UntilAsync(async () =>
        {
            var list = await next.CallAsync("service.list", new { project = "demo" }, Ct);
            return list.GetArrayLength() == 2 ? list : (JsonElement?)null;
        });

        Assert.All(states!.Value.EnumerateArray(), s => Assert.Equal("stopped by user", s.GetProperty("text").GetString()));
        Assert.False((await _engine.InspectContainerAsync("demo-db-1", Ct)).State.Running);
        await second.CancelAsync();
        await again.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Start_AfterADaemonDiedMidInstall_FinishesTheInstallWithoutDuplicates()
    {
        string dbId;
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var daemon = StartDaemon(first.Token);
            using var client = await ConnectAsync();
            await client.CallAsync("app.install", new { id = "demo" }, Ct).WaitAsync(Bound, Ct);
            await first.CancelAsync();
            await daemon.WaitAsync(Bound, Ct);
            dbId = (await _engine.InspectContainerAsync("demo-db-1", Ct)).Id;
        }

        // What a daemon killed midway leaves: the record says "installing" and only db was created.
        var store = new Apps.AppStore(Path.Combine(_folder, "data", "apps"));
        store.Save(store.Get("demo")! with { State = Apps.AppInstallState.Installing });
        await _engine.RemoveContainerAsync("demo-web-1", force: true, cancellationToken: Ct);

        using var second = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var again = StartDaemon(second.Token);
        using var next = await ConnectAsync();
        var resumed = await UntilAsync(async () =>
        {
            var status = await next.CallAsync("app.status", new { id = "demo" }, Ct);
            return status.GetProperty("app").GetProperty("state").GetString() == "installed" && status.GetProperty("app").GetProperty("summary").GetString() == "running"
                ? status : (JsonElement?)null;
        });
        var containers = await _engine.ListContainersAsync(new Engine.ContainerListOptions(), Ct);

        Assert.Equal(["demo-db-1", "demo-web-1"], containers.Select(c => c.Name.TrimStart('/')).Order(StringComparer.Ordinal));
        Assert.Equal(dbId, (await _engine.InspectContainerAsync("demo-db-1", Ct)).Id);
        Assert.NotNull(resumed);
        await second.CancelAsync();
        await again.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task StackAdd_AComposeProject_IsBroughtUpAndHealedThenRemoveLeavesItRunning()
    {
        var file = Path.Combine(_folder, "plain", "compose.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, App);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var daemon = StartDaemon(stop.Token);
        using var client = await ConnectAsync();

        var report = await client.CallAsync("stack.add", new { file, project = "plain" }, Ct).WaitAsync(Bound, Ct);
        await UntilAsync(async () => (await _engine.InspectContainerAsync("plain-web-1", Ct)).State.Running);
        var before = (await _engine.InspectContainerAsync("plain-db-1", Ct)).State.StartedAt;
        _engine.Faults.Crash("plain-db-1", 2);
        await UntilAsync(async () => (await _engine.InspectContainerAsync("plain-db-1", Ct)) is { State.Running: true } db && db.State.StartedAt != before);
        var removed = await client.CallAsync("stack.remove", new { project = "plain" }, Ct);

        Assert.StartsWith("stack plain: adopted 0;", report.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.True((await _engine.InspectContainerAsync("plain-db-1", Ct)).State.Running);
        await stop.CancelAsync();
        await daemon.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Install_UnknownApp_AnswersNotFoundInCatalogWithTheCatalogsApps()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var daemon = StartDaemon(stop.Token);
        using var client = await ConnectAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("app.install", new { id = "nope" }, Ct));

        Assert.Equal((int)Apps.AppErrorCode.NotFoundInCatalog, error.Code);
        Assert.Contains("apps in the catalog: demo", error.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await daemon.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Call_WithNoDaemon_SaysWhichSocketAndHowToStartOne()
    {
        using var client = new DaemonClient(Socket);

        var error = await Assert.ThrowsAsync<DaemonUnavailableException>(() => client.CallAsync("app.list", null, Ct));

        Assert.Contains("no cox daemon answers on " + Socket, error.Message, StringComparison.Ordinal);
        Assert.Contains("start one with `cox daemon`", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<T?> UntilAsync<T>(Func<Task<T?>> look)
        where T : struct
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(Bound);
        while (true)
        {
            if (await look() is { } found)
            {
                return found;
            }

            await Task.Delay(50, bound.Token);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> look) =>
        await UntilAsync<bool>(async () => await look() ? true : null);

    private Task StartDaemon(CancellationToken token) => Task.Run(
        () => CoxDaemon.RunAsync(
            _engine,
            new DaemonRunOptions { DataDirectory = Path.Combine(_folder, "data"), SocketPath = Socket, CatalogDirectory = Path.Combine(_folder, "catalog") },
            logging => logging.SetMinimumLevel(LogLevel.Warning),
            token),
        CancellationToken.None);

    private async Task<DaemonClient> ConnectAsync()
    {
        var client = new DaemonClient(Socket);
        await UntilAsync(async () =>
        {
            try
            {
                await client.CallAsync("daemon.status", null, Ct);
                return true;
            }
            catch (DaemonUnavailableException)
            {
                return false;
            }
        });
        return client;
    }
}

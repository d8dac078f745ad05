using Coxswain.Cli.Engines;
using Coxswain.Cli.Tests.Cli;
using Coxswain.Cli.Tests.Fakes;
using Coxswain.Engine;
using Coxswain.Engine.Testing;
using Xunit;

namespace Coxswain.Cli.Tests.Engines;

/// <summary>Commands look for the engine while they read their files; what the search found or is still doing must not
/// outlive a command that ends on a wrong file.</summary>
public sealed class EarlyEngineTests : IAsyncDisposable
{
    private readonly InMemoryEngine _engine = new(new ManualTimeProvider());
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cox-cli-early-engine-tests", Guid.NewGuid().ToString("N"));

    public EarlyEngineTests()
    {
        _engine.AddLocalImage("busybox:test");
        Directory.CreateDirectory(_directory);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    [Fact]
    public async Task NotTaken_TheEngineFoundIsClosed_AndThePodmanServiceItStartedStopped()
    {
        var service = new FakePodmanService("/run/fake-podman.sock");
        var connector = new SignallingConnector(new FixedEngineConnector(_engine, service));

        var early = EarlyEngine.Start(connector, null, Ct);
        await connector.Found.Task.WaitAsync(Ct);
        await early.DisposeAsync();

        Assert.True(service.Disposed);
    }

    [Fact]
    public async Task NotTaken_ASearchStillRunningIsCancelled_AndDisposingDoesNotWaitForIt()
    {
        var connector = new EndlessSearch();

        var early = EarlyEngine.Start(connector, null, Ct);
        await connector.Started.Task.WaitAsync(Ct);
        await early.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(connector.Cancelled);
    }

    [Fact]
    public async Task Taken_TheEngineIsHandedOver_AndDisposingLeavesItOpen()
    {
        var service = new FakePodmanService("/run/fake-podman.sock");
        var connector = new FixedEngineConnector(_engine, service);

        var early = EarlyEngine.Start(connector, "unix:///run/chosen.sock", Ct);
        var discovered = await early.TakeAsync();
        await early.DisposeAsync();

        Assert.Same(_engine, discovered.Client);
        Assert.False(service.Disposed);
        Assert.Equal(["unix:///run/chosen.sock"], connector.Hosts);
    }

    [Fact]
    public async Task Taken_ASearchThatFoundNothing_ThrowsItsError()
    {
        var unavailable = new EngineUnavailableException([new EndpointAttempt(new EngineEndpoint("unix:///run/none.sock"), "no such socket")], "start one");
        var early = EarlyEngine.Start(new FailingSearch(unavailable), null, Ct);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(early.TakeAsync);
        await early.DisposeAsync();

        Assert.Same(unavailable, error);
    }

    [Theory]
    [InlineData("up", "-d")]
    [InlineData("down")]
    [InlineData("ps")]
    [InlineData("logs")]
    [InlineData("restart")]
    public async Task Command_WrongComposeFile_ReportsTheFile_AndLeavesNoPodmanServiceRunning(params string[] command)
    {
        var file = Path.Combine(_directory, "compose.yaml");
        File.WriteAllText(file, "services:\n  web:\n    image: busybox:test\n    depends_on: [dbx]\n");
        var service = new FakePodmanService("/run/fake-podman.sock");
        var connector = new FixedEngineConnector(_engine, service);
        var run = new CliRun
        {
            Engines = connector,
            Time = _engine.TimeProvider,
            Variables = { ["COX_DATA_DIR"] = Path.Combine(_directory, "data"), ["COX_DAEMON_SOCKET"] = Path.Combine(_directory, "no-daemon.sock") },
        };

        var exitCode = await run.RunAsync(["-f", file, "-p", "demo", .. command]);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"compose\.yaml:4:\d+: services\.web\.depends_on.*dbx", run.Error.ToString());

        // The search may not have begun before the file was found wrong; when it had, what it started is stopped.
        Assert.True(connector.Hosts.Count == 0 || service.Disposed, "the Podman service found while the file was read was left running");
    }

    /// <summary>Tells when the inner connector has found its engine.</summary>
    private sealed class SignallingConnector(IEngineConnector inner) : IEngineConnector
    {
        public TaskCompletionSource Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken)
        {
            var found = await inner.ConnectAsync(host, log, cancellationToken);
            Found.SetResult();
            return found;
        }
    }

    /// <summary>A search that finds nothing until it is cancelled, as discovery does while it waits for a Podman service.</summary>
    private sealed class EndlessSearch : IEngineConnector
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            throw new InvalidOperationException("a delay without end ended");
        }
    }

    private sealed class FailingSearch(EngineUnavailableException error) : IEngineConnector
    {
        public Task<DiscoveredEngine> ConnectAsync(string? host, Action<string>? log, CancellationToken cancellationToken) =>
            Task.FromException<DiscoveredEngine>(error);
    }
}

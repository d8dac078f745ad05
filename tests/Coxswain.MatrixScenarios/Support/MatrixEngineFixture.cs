using Coxswain.Engine;
using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>
/// One real engine for the matrix scenarios: its address (from an environment variable), a client to check what
/// <c>cox matrix</c> left behind, and the busybox image. A missing engine skips locally and fails in CI (<c>CI=true</c>).
/// </summary>
public abstract class MatrixEngineFixture : IAsyncLifetime
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);

    private DockerEngineClient? client;
    private string? unavailable;
    private string? setupError;

    /// <summary>Docker or Podman.</summary>
    public abstract string EngineName { get; }

    /// <summary>The environment variable holding the engine's address.</summary>
    protected abstract string Variable { get; }

    /// <summary>The engine's address, as given to <c>cox -H</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The engine; skips (locally) or fails (CI) the calling test when there is none.</summary>
    public IEngineClient Engine
    {
        get
        {
            RequireReady();
            return client!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        const string HowToStart = "start the test engines with `bash scripts/engines.sh start` and export their addresses with `eval \"$(bash scripts/engines.sh env)\"`";
        var address = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            unavailable = $"{Variable} is not set, so the {EngineName} matrix scenarios have no engine: {HowToStart}";
            return;
        }

        Address = address;
        using var setup = new CancellationTokenSource(SetupTimeout);
        try
        {
            client = new DockerEngineClient(new EngineEndpoint(address, Variable));
            await client.PingAsync(setup.Token).WaitAsync(TimeSpan.FromSeconds(10), setup.Token);
        }
        catch (Exception e) when (e is EngineException or TimeoutException or ArgumentException or HttpRequestException)
        {
            unavailable = $"the {EngineName} engine at {address} ({Variable}) does not answer ({e.GetType().Name}: {e.Message}): {HowToStart}";
            return;
        }

        try
        {
            await LocalImages.EnsureBusyboxAsync(client, cancellationToken: setup.Token).WaitAsync(SetupTimeout, setup.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            setupError = $"importing the busybox image into {EngineName} at {address} failed: {e}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Fails (CI) or skips the current test when the engine is not there.</summary>
    public void RequireReady()
    {
        if (unavailable is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{unavailable} (CI=true: engine scenarios never skip in CI)");
            }

            Assert.Skip(unavailable);
        }

        if (setupError is not null)
        {
            Assert.Fail(setupError);
        }
    }
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.Testing.RealEngines;

/// <summary>
/// One real engine for a class of scenarios (compiled into each scenario project from tests/Shared): its address from an
/// environment variable, a client, and the busybox image the scenarios run. A missing or silent engine skips the
/// scenarios locally and fails them in CI (<c>CI=true</c>), so no engine test ever passes by not running.
/// </summary>
public abstract class RealEngineFixture : IAsyncLifetime
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    private DockerEngineClient? client;
    private string? unavailable;
    private string? setupError;

    /// <summary>Docker or Podman, for messages.</summary>
    public abstract string EngineName { get; }

    /// <summary>The environment variable holding the engine's address (e.g. COX_TEST_DOCKER_HOST).</summary>
    protected abstract string Variable { get; }

    /// <summary>What the scenarios are, for messages ("stack scenarios").</summary>
    protected abstract string Scenarios { get; }

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

    public virtual async ValueTask InitializeAsync()
    {
        const string HowToStart =
            "start the test engines with `bash scripts/engines.sh start` and export their addresses with `eval \"$(bash scripts/engines.sh env)\"`";
        var address = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            unavailable = $"{Variable} is not set, so the {EngineName} {Scenarios} have no engine: {HowToStart}";
            return;
        }

        Address = address;
        using var setup = new CancellationTokenSource(SetupTimeout);
        try
        {
            client = new DockerEngineClient(new EngineEndpoint(address, Variable));
            await client.PingAsync(setup.Token).WaitAsync(PingTimeout, setup.Token);
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

    public virtual async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Fails or skips the current test when the engine is not there.</summary>
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

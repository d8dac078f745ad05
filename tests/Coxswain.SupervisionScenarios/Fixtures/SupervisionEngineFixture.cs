using Coxswain.Engine;
using Xunit;

namespace Coxswain.SupervisionScenarios.Fixtures;

/// <summary>
/// One real engine for the supervision scenarios: its address (from an environment variable), a client, and the busybox
/// image the scenario stacks run. A missing engine skips the scenarios locally and fails them in CI (<c>CI=true</c>).
/// </summary>
public abstract class SupervisionEngineFixture : IAsyncLifetime
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);
    private DockerEngineClient? client;
    private string? unavailable;
    private string? setupError;

    /// <summary>"Docker" or "Podman", for messages.</summary>
    public abstract string EngineName { get; }

    /// <summary>The environment variable holding the engine's address.</summary>
    protected abstract string Variable { get; }

    /// <summary>The engine; skips (locally) or fails (CI) the calling test when there is none.</summary>
    public IEngineClient Engine
    {
        get
        {
            RequireReady();
            return client!;
        }
    }

    /// <summary>The OOM evidence the supervisor needs on this engine (null: the engine reports OOM kills itself).</summary>
    public abstract Supervision.IOomEvidence? OomEvidence { get; }

    /// <summary>Why the OOM evidence this engine needs is missing, or null.</summary>
    public virtual string? OomEvidenceProblem => null;

    public async ValueTask InitializeAsync()
    {
        const string HowToStart = "start the test engines with `bash scripts/engines.sh start` and export their addresses with `eval \"$(bash scripts/engines.sh env)\"`";
        var address = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            unavailable = $"{Variable} is not set, so the {EngineName} supervision scenarios have no engine: {HowToStart}";
            return;
        }

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

using System.Globalization;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>
/// One engine for one contract class: connects, makes sure the busybox image is there, and removes what the suite
/// leaves behind (at start: leftovers of earlier runs; at end: everything this run labelled).
/// A missing engine skips the tests locally and fails them in CI (<c>CI=true</c>).
/// </summary>
public abstract class EngineFixture : IAsyncLifetime
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    private IEngineClient? client;
    private string? image;
    private string? unavailable;
    private string? setupError;

    protected EngineFixture()
    {
        RunId = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>The kind of engine this fixture is meant to reach.</summary>
    public abstract EngineKind ExpectedKind { get; }

    /// <summary>The value of the run label on everything this fixture's tests create.</summary>
    public string RunId { get; }

    /// <summary>The engine; skips (locally) or fails (CI) the calling test when there is none.</summary>
    public IEngineClient Engine
    {
        get
        {
            RequireReady();
            return client!;
        }
    }

    /// <summary>The busybox image reference every test container runs.</summary>
    public string Image
    {
        get
        {
            RequireReady();
            return image!;
        }
    }

    /// <summary>Connects to the engine. Returns null with a message saying what to do when there is no engine to test.</summary>
    protected abstract Task<(IEngineClient? Client, string? Unavailable)> ConnectAsync(CancellationToken cancellationToken);

    public async ValueTask InitializeAsync()
    {
        using var setup = new CancellationTokenSource(SetupTimeout);
        try
        {
            (client, unavailable) = await ConnectAsync(setup.Token);
            if (client is null)
            {
                return;
            }

            image = await LocalImages.EnsureBusyboxAsync(client, cancellationToken: setup.Token).WaitAsync(SetupTimeout, setup.Token);
            await Leftovers.RemoveAsync(client, IsStale, setup.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            setupError = $"setting up the {ExpectedKind} engine for the contract suite failed: {e}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null)
        {
            return;
        }

        using var teardown = new CancellationTokenSource(SetupTimeout);
        try
        {
            await Leftovers.RemoveAsync(client, run => run == RunId, teardown.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Teardown is best effort: the next run's start removes what is left.
            Console.Error.WriteLine($"contract teardown on {ExpectedKind}: {e.Message}");
        }

        await client.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Whether the engine is there and set up (tests can run).</summary>
    public bool IsReady => client is not null && unavailable is null && setupError is null;

    /// <summary>Fails or skips the current test when the engine is not there.</summary>
    public void RequireReady()
    {
        if (unavailable is not null)
        {
            if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{unavailable} (CI=true: engine tests never skip in CI)");
            }

            Assert.Skip(unavailable);
        }

        if (setupError is not null)
        {
            Assert.Fail(setupError);
        }
    }

    /// <summary>A run label older than <see cref="StaleAfter"/> (or unreadable) belongs to a run that is over.</summary>
    private static bool IsStale(string? run)
    {
        if (run is null || !long.TryParse(run.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return true;
        }

        return DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > StaleAfter;
    }
}

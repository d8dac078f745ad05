using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>
/// Behaviour every <see cref="IEngineClient"/> must show alike: the in-memory engine, Docker and Podman run these same
/// tests (see the derived classes). Where the real engines differ, a test branches on <see cref="Kind"/> and says
/// why; the in-memory engine follows Docker.
/// </summary>
public abstract partial class EngineContract : IAsyncDisposable
{
    /// <summary>Command of a container that runs until stopped. <c>sleep</c> as PID 1 ignores SIGTERM.</summary>
    protected static readonly string[] Sleeper = ["sleep", "300"];

    /// <summary>A script that exits 7 on SIGTERM and says "ready" once its trap is set (busybox sh as PID 1).</summary>
    protected const string TrapScript = "trap 'exit 7' TERM; echo ready; while true; do sleep 0.1; done";

    protected EngineContract(EngineFixture fixture)
    {
        Fixture = fixture;
        Scope = new TestScope(fixture.RunId);
    }

    protected EngineFixture Fixture { get; }

    /// <summary>Names and labels for this test's objects.</summary>
    internal TestScope Scope { get; }

    /// <summary>The engine under test (skips or fails the test when there is none).</summary>
    protected IEngineClient Engine => Fixture.Engine;

    /// <summary>The busybox image reference.</summary>
    protected string Image => Fixture.Image;

    /// <summary>Which engine runs the test; the in-memory engine behaves like Docker.</summary>
    protected EngineKind Kind => Fixture.ExpectedKind;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A spec for a container of this test, named <c>cox-ct-&lt;id&gt;-&lt;what&gt;</c>.</summary>
    protected ContainerSpec Spec(string what, params string[] command) => new()
    {
        Name = Scope.Name(what),
        Image = Image,
        Command = command,
        Labels = Scope.Labels,
    };

    /// <summary>Creates a container and returns its id.</summary>
    protected async Task<string> CreateAsync(ContainerSpec spec)
    {
        var created = await Engine.CreateContainerAsync(spec, Ct).Within();
        Assert.False(string.IsNullOrEmpty(created.Id), "create returned no container id");
        return created.Id;
    }

    /// <summary>Creates and starts a container and returns its id.</summary>
    protected async Task<string> RunAsync(ContainerSpec spec)
    {
        var id = await CreateAsync(spec);
        await Engine.StartContainerAsync(id, Ct).Within();
        return id;
    }

    /// <summary>Creates and starts a container running <c>sh -c <paramref name="script"/></c>.</summary>
    protected Task<string> RunShellAsync(string what, string script) => RunAsync(Spec(what, "sh", "-c", script));

    protected Task<ContainerInfo> InspectAsync(string idOrName) => Engine.InspectContainerAsync(idOrName, Ct).Within();

    /// <summary>Follows the container's log until a line equal to <paramref name="line"/> shows up.</summary>
    protected async Task WaitForLogLineAsync(string id, string line)
    {
        var lines = await Bounded.CollectAsync(
            token => Engine.GetLogsAsync(id, new LogOptions { Follow = true }, token),
            TimeSpan.FromSeconds(30),
            l => l.Text == line,
            $"log of {id} waiting for '{line}'");
        Assert.True(lines.Count > 0 && lines[^1].Text == line, $"the log of {id} ended without '{line}': [{string.Join(", ", lines)}]");
    }

    /// <summary>Removes what this test made (containers first, so that networks and volumes are free), keeping the engines lean
    /// between tests; whatever is left goes at the fixture's end.</summary>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (!Fixture.IsReady)
        {
            return;
        }

        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await Leftovers.RemoveLabelledAsync(Fixture.Engine, Scope.CaseFilter, _ => true, cleanup.Token);
        }
        catch (Exception e) when (e is EngineException or OperationCanceledException or TimeoutException)
        {
            Console.Error.WriteLine($"cleanup after a contract test on {Kind}: {e.Message}");
        }
    }

    /// <summary>Asserts that <paramref name="call"/> fails with <see cref="EngineNotFoundException"/> for <paramref name="kind"/>.</summary>
    protected static async Task<EngineNotFoundException> AssertNotFoundAsync(string kind, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => call().Within());
        Assert.Equal(kind, error.ResourceKind);
        return error;
    }

    /// <summary>Asserts that <paramref name="call"/> fails with <see cref="EngineConflictException"/>.</summary>
    protected static Task<EngineConflictException> AssertConflictAsync(Func<Task> call) =>
        Assert.ThrowsAsync<EngineConflictException>(() => call().Within());
}

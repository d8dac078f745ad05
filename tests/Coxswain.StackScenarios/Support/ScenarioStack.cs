using Coxswain.Engine;
using Xunit;

namespace Coxswain.StackScenarios;

/// <summary>
/// One scenario's stack: a temp folder with its compose.yaml, a unique project name, and <c>cox</c> pointed at the
/// fixture's engine. Disposing runs <c>down -v</c> and then removes by label anything that is still there.
/// </summary>
public sealed class ScenarioStack : IAsyncDisposable
{
    /// <summary>The bound on one <c>cox</c> command.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private readonly StackEngineFixture fixture;
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

    public ScenarioStack(StackEngineFixture fixture, string scenario)
    {
        fixture.RequireReady();
        this.fixture = fixture;
        Project = $"coxsc-{scenario}-{Guid.NewGuid().ToString("N")[..8]}";
        Directory = Path.Combine(Path.GetTempPath(), Project);
        System.IO.Directory.CreateDirectory(Directory);
        ComposeFile = Path.Combine(Directory, "compose.yaml");
    }

    /// <summary>The project name, unique per scenario run.</summary>
    public string Project { get; }

    /// <summary>The folder holding the compose file.</summary>
    public string Directory { get; }

    /// <summary>The compose file every command uses.</summary>
    public string ComposeFile { get; }

    /// <summary>The label filter selecting everything of this project.</summary>
    public string ProjectFilter => $"io.coxswain.project={Project}";

    /// <summary>Writes (or rewrites) the compose file.</summary>
    public Task WriteComposeAsync(string yaml) =>
        File.WriteAllTextAsync(ComposeFile, yaml, TestContext.Current.CancellationToken);

    /// <summary>Sets a variable in the environment of every later <c>cox</c> run (for <c>${VAR}</c> in the file).</summary>
    public void SetVariable(string name, string value) => environment[name] = value;

    /// <summary>Runs <c>cox -H ENGINE -f FILE -p PROJECT ARGS</c>.</summary>
    public Task<CoxResult> CoxAsync(params string[] arguments) =>
        CoxProcess.RunAsync(["-H", fixture.Address, "-f", ComposeFile, "-p", Project, .. arguments], environment, CommandTimeout);

    /// <summary>Runs <c>cox -H HOST -f FILE -p PROJECT ARGS</c> against another engine address (e.g. an <see cref="EngineProxy"/>).</summary>
    public Task<CoxResult> CoxViaAsync(string host, params string[] arguments) =>
        CoxProcess.RunAsync(["-H", host, "-f", ComposeFile, "-p", Project, .. arguments], environment, CommandTimeout);

    /// <summary>Runs a <c>cox</c> command and fails the test, with its output, unless it exits 0.</summary>
    public async Task<CoxResult> CoxOkAsync(params string[] arguments)
    {
        var result = await CoxAsync(arguments);
        Assert.True(result.ExitCode == 0, $"expected exit code 0 on {fixture.EngineName}:\n{result.Describe()}");
        return result;
    }

    /// <summary>The project's containers (running or not), by label.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        fixture.Engine.ListContainersAsync(new ContainerListOptions { Labels = [ProjectFilter] }, TestContext.Current.CancellationToken)
            .WaitAsync(StepTimeout, TestContext.Current.CancellationToken);

    /// <summary>The project's networks, by label.</summary>
    public Task<IReadOnlyList<NetworkInfo>> NetworksAsync() =>
        fixture.Engine.ListNetworksAsync([ProjectFilter], TestContext.Current.CancellationToken)
            .WaitAsync(StepTimeout, TestContext.Current.CancellationToken);

    /// <summary>Container id per service (one container each), failing when a service has none or several.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ContainerIdsAsync()
    {
        var ids = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in await ContainersAsync())
        {
            var service = container.Labels.TryGetValue("io.coxswain.service", out var s) ? s : $"(no service label: {container.Name})";
            Assert.False(ids.ContainsKey(service), $"service {service} of {Project} has more than one container");
            ids[service] = container.Id;
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var down = await CoxProcess.RunAsync(
                ["-H", fixture.Address, "-f", ComposeFile, "-p", Project, "down", "-v", "-t", "0"], environment, CommandTimeout);
            if (down.ExitCode != 0)
            {
                Console.Error.WriteLine($"scenario cleanup: {down.Describe()}");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"scenario cleanup of {Project}: cox down failed: {e.Message}");
        }

        await RemoveLeftoversAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    // Whatever `down` left (a failed scenario, a bug in down) is removed here, so no run leaks into the next.
    private async Task RemoveLeftoversAsync()
    {
        using var cleanup = new CancellationTokenSource(CommandTimeout);
        var engine = fixture.Engine;
        try
        {
            foreach (var container in await engine.ListContainersAsync(new ContainerListOptions { Labels = [ProjectFilter] }, cleanup.Token))
            {
                await engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, cleanup.Token);
            }

            foreach (var network in await engine.ListNetworksAsync([ProjectFilter], cleanup.Token))
            {
                await engine.RemoveNetworkAsync(network.Id, cleanup.Token);
            }

            foreach (var volume in await engine.ListVolumesAsync([ProjectFilter], cleanup.Token))
            {
                await engine.RemoveVolumeAsync(volume.Name, force: true, cleanup.Token);
            }
        }
        catch (Exception e) when (e is EngineException or OperationCanceledException)
        {
            Console.Error.WriteLine($"scenario cleanup of {Project}: {e.Message}");
        }
    }
}

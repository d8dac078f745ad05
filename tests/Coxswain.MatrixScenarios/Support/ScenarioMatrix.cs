using System.Text.Json;
using Coxswain.Engine;
using Xunit;

namespace Coxswain.MatrixScenarios;

/// <summary>
/// One scenario's matrix: a temp copy of the example (or a custom test.sh) with a unique matrix name, run with <c>cox matrix</c>
/// on the fixture's engine. Disposing removes, by label, anything the scenario left (the tests assert first that nothing is left)
/// and the images it built.
/// </summary>
public sealed class ScenarioMatrix : IAsyncDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly MatrixEngineFixture fixture;

    public ScenarioMatrix(MatrixEngineFixture fixture, string scenario)
    {
        fixture.RequireReady();
        this.fixture = fixture;
        Name = $"mx{scenario}-{Guid.NewGuid().ToString("N")[..6]}";
        Directory = Path.Combine(Path.GetTempPath(), Name);
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "matrix.yaml", "Dockerfile", "test.sh", ".dockerignore" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "examples", "matrix", file), Path.Combine(Directory, file));
        }

        var yaml = File.ReadAllText(Path.Combine(Directory, "matrix.yaml")).Replace("name: demo", "name: " + Name, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Directory, "matrix.yaml"), yaml);
    }

    /// <summary>The matrix's name (unique per scenario run).</summary>
    public string Name { get; }

    /// <summary>The copy of the example: context and root folder.</summary>
    public string Directory { get; }

    public string LogsDirectory => Path.Combine(Directory, "logs");

    /// <summary>Replaces test.sh.</summary>
    public void WriteTestScript(string script) => File.WriteAllText(Path.Combine(Directory, "test.sh"), script);

    /// <summary>Replaces the targets of matrix.yaml.</summary>
    public void SetTargets(params string[] targets)
    {
        var path = Path.Combine(Directory, "matrix.yaml");
        var yaml = File.ReadAllText(path);
        yaml = yaml[..yaml.IndexOf("targets:", StringComparison.Ordinal)] + "targets: [" + string.Join(", ", targets) + "]\n";
        File.WriteAllText(path, yaml);
    }

    public string[] Args(params string[] extra) => ["-H", fixture.Address, "matrix", "-f", Path.Combine(Directory, "matrix.yaml"), .. extra];

    public Task<CoxRun> RunAsync(params string[] extra) => CoxRun.RunAsync(Directory, CommandTimeout, Args(extra));

    /// <summary>Runs <c>cox matrix</c> with <paramref name="input"/> on its stdin.</summary>
    public Task<CoxRun> RunWithInputAsync(string input, params string[] extra) => CoxRun.RunWithInputAsync(Directory, CommandTimeout, input, Args(extra));

    /// <summary>The containers of this matrix still on the engine.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        await fixture.Engine.ListContainersAsync(new ContainerListOptions { Labels = [$"io.coxswain.project={Name}"] }, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>The aggregate summary of the (only) run.</summary>
    public JsonDocument Aggregate()
    {
        var file = Assert.Single(System.IO.Directory.GetFiles(LogsDirectory, "aggregate-*.json"));
        return JsonDocument.Parse(File.ReadAllText(file));
    }

    /// <summary>A target's entry in the aggregate.</summary>
    public static JsonElement TargetOf(JsonDocument aggregate, string target) =>
        aggregate.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("distro").GetString() == target);

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            foreach (var c in await fixture.Engine.ListContainersAsync(new ContainerListOptions { Labels = [$"io.coxswain.project={Name}"] }, cleanup.Token))
            {
                await fixture.Engine.RemoveContainerAsync(c.Id, force: true, cancellationToken: cleanup.Token);
            }

            foreach (var image in await fixture.Engine.ListImagesAsync([$"io.coxswain.project={Name}"], cleanup.Token))
            {
                await fixture.Engine.RemoveImageAsync(image.Id, force: true, cleanup.Token);
            }
        }
        catch (Exception e) when (e is EngineException or OperationCanceledException)
        {
            // Best effort: the assertions already said what was left.
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Files written by root in containers: left in /tmp.
        }
    }
}

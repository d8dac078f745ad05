using Coxswain.Apps;
using Coxswain.Engine;
using Coxswain.Stacks;
using Xunit;

namespace Coxswain.AppScenarios;

/// <summary>
/// The app lifecycle on a real engine: each scenario copies the example catalog into a temporary folder under a unique app id,
/// and always removes the app afterwards.
/// </summary>
public abstract class AppScenarios(AppEngineFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_ExampleNotes_IsHealthyThenRemoveLeavesNothing()
    {
        await using var bed = new Bed(fixture, "notes");

        var installed = await bed.Manager.InstallAsync(bed.Id, Ct).WaitAsync(Bound, Ct);

        Assert.True(installed.Succeeded, $"{fixture.EngineName}: {installed.Error?.Message}\n{Tails(installed.Error)}");
        Assert.Equal("running", installed.Value.Summary);
        var health = await bed.Manager.HealthAsync(bed.Id, Ct).WaitAsync(Bound, Ct);
        Assert.All(health.Value!, h => Assert.True(h.Health == HealthStatus.Healthy, $"{h.Container} is {h.State}: {h.Output}"));
        var page = await fixture.Engine.ExecAsync($"{bed.Id}-web-1", new ExecSpec(["/bin/wget", "-q", "-O-", "http://127.0.0.1:8080/cgi-bin/notes"]), TimeSpan.FromSeconds(20), cancellationToken: Ct);
        Assert.Equal("first note", page.Stdout.Trim());

        var removed = await bed.Manager.RemoveAsync(bed.Id, preserveData: false, Ct).WaitAsync(Bound, Ct);

        Assert.True(removed.Succeeded, $"{fixture.EngineName}: {removed.Error?.Message}");
        Assert.Empty(await bed.LabelledAsync());
    }

    [Fact]
    public async Task Install_ExampleVault_MountsTheSecretFileAtRunSecrets()
    {
        await using var bed = new Bed(fixture, "vault");

        var installed = await bed.Manager.InstallAsync(bed.Id, Ct).WaitAsync(Bound, Ct);

        Assert.True(installed.Succeeded, $"{fixture.EngineName}: {installed.Error?.Message}\n{Tails(installed.Error)}");
        var secret = await fixture.Engine.ExecAsync($"{bed.Id}-vault-1", new ExecSpec(["/bin/cat", "/run/secrets/api_token"]), TimeSpan.FromSeconds(20), cancellationToken: Ct);
        Assert.Equal(File.ReadAllText(Path.Combine(bed.Catalog, bed.Id, "secrets", "api_token.txt")), secret.Stdout);
        var info = await fixture.Engine.InspectContainerAsync($"{bed.Id}-vault-1", Ct);
        Assert.DoesNotContain(info.Environment, e => e.Contains("demo-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_AppThatNeverGetsHealthy_RollsBackLeavingNothing()
    {
        await using var bed = new Bed(fixture, "notes");
        var compose = Path.Combine(bed.Catalog, bed.Id, "compose.yaml");
        File.WriteAllText(compose, File.ReadAllText(compose)
            .Replace("[ -f /data/www/index.html ]", "echo fatal: cannot open the notes database; [ -f /data/www/index.html ]", StringComparison.Ordinal)
            .Replace("/bin/wget -q -O- http://127.0.0.1:5432/ >/dev/null", "exit 1", StringComparison.Ordinal)
            .Replace("retries: 5", "retries: 2", StringComparison.Ordinal));

        var installed = await bed.Manager.InstallAsync(bed.Id, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(AppErrorCode.InstallFailed, installed.Error?.Code);
        Assert.Contains("unhealthy", installed.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(installed.Error.LogTails, t => t.Lines.Contains("fatal: cannot open the notes database"));
        Assert.Empty(installed.Error.Left);
        Assert.Empty(await bed.LabelledAsync());
        Assert.Null(bed.Manager.Store.Get(bed.Id));
    }

    private static string Tails(AppError? error) =>
        error is null ? "" : string.Join("\n", error.LogTails.Select(t => $"--- {t.Container}:\n{string.Join("\n", t.Lines)}"));

    /// <summary>A temporary copy of the example catalog holding one app under a unique id, and a manager over it.</summary>
    private sealed class Bed : IAsyncDisposable
    {
        private readonly AppEngineFixture _fixture;
        private readonly string _root;

        public Bed(AppEngineFixture fixture, string example)
        {
            _fixture = fixture;
            Id = $"{example}-{Guid.NewGuid().ToString("N")[..8]}";
            _root = Path.Combine(Path.GetTempPath(), "cox-app-scenarios", Guid.NewGuid().ToString("N"));
            Catalog = Path.Combine(_root, "catalog");
            Copy(Path.Combine(AppContext.BaseDirectory, "examples", "apps", example), Path.Combine(Catalog, Id));
            Manager = new AppManager(fixture.Engine, new AppManagerOptions
            {
                CatalogDirectory = Catalog,
                StateDirectory = Path.Combine(_root, "state"),
                HealthTimeout = TimeSpan.FromSeconds(90),
            });
        }

        public string Id { get; }

        public string Catalog { get; }

        public AppManager Manager { get; }

        public async Task<IReadOnlyList<string>> LabelledAsync()
        {
            IReadOnlyList<string> filter = [StackLabels.ProjectFilter(Id)];
            var containers = await _fixture.Engine.ListContainersAsync(new ContainerListOptions { Labels = filter }, Ct);
            var networks = await _fixture.Engine.ListNetworksAsync(filter, Ct);
            var volumes = await _fixture.Engine.ListVolumesAsync(filter, Ct);
            return containers.Select(c => "container " + c.Name).Concat(networks.Select(n => "network " + n.Name)).Concat(volumes.Select(v => "volume " + v.Name)).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            if (Manager.Store.Get(Id) is not null || (await LabelledAsync()).Count > 0)
            {
                await Manager.RemoveAsync(Id, preserveData: false, CancellationToken.None).WaitAsync(Bound, CancellationToken.None);
            }

            Directory.Delete(_root, recursive: true);
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Listing containers with filters, and configuration read back by inspect.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task ListContainers_LabelKeyFilter_OnlyContainersWithTheKey()
    {
        var (tier, _, _) = await CreateLabelledTrioAsync();

        var listed = await ListAsync(new ContainerListOptions { Labels = [tier] });

        Assert.Equal([Scope.Name("a"), Scope.Name("b")], listed.Select(c => c.Name).Order());
        Assert.All(listed, c => Assert.Equal(Scope.Id, c.Labels[TestScope.CaseLabel]));
    }

    [Fact]
    public async Task ListContainers_LabelKeyValueFilter_OnlyMatchingValue()
    {
        var (tier, _, _) = await CreateLabelledTrioAsync();

        var listed = await ListAsync(new ContainerListOptions { Labels = [$"{tier}=front"] });

        var only = Assert.Single(listed);
        Assert.Equal(Scope.Name("a"), only.Name);
        Assert.Equal("front", only.Labels[tier]);
    }

    [Fact]
    public async Task ListContainers_TwoLabelFilters_BothMustMatch()
    {
        var (tier, zone, _) = await CreateLabelledTrioAsync();

        var both = await ListAsync(new ContainerListOptions { Labels = [$"{tier}=back", zone] });
        var none = await ListAsync(new ContainerListOptions { Labels = [$"{tier}=front", $"{zone}=x"] });

        Assert.Equal([Scope.Name("b")], both.Select(c => c.Name));
        Assert.Empty(none);
    }

    [Fact]
    public async Task ListContainers_RunningOnlyVersusAll_CreatedAndExitedOnlyInAll()
    {
        var running = await RunAsync(Spec("running", Sleeper));
        var exited = await RunAsync(Spec("exited", "true"));
        await Engine.WaitContainerAsync(exited, Ct).Within();
        var created = await CreateAsync(Spec("created", Sleeper));

        var runningOnly = await ListAsync(new ContainerListOptions { RunningOnly = true, Labels = [Scope.CaseFilter] });
        var all = await ListAsync(new ContainerListOptions { Labels = [Scope.CaseFilter] });

        var onlyRunning = Assert.Single(runningOnly);
        Assert.Equal(running, onlyRunning.Id);
        Assert.Equal(ContainerStatus.Running, onlyRunning.Status);
        var byId = all.ToDictionary(c => c.Id);
        Assert.Equal(3, byId.Count);
        Assert.Equal(ContainerStatus.Running, byId[running].Status);
        Assert.Equal(ContainerStatus.Exited, byId[exited].Status);
        Assert.Equal(ContainerStatus.Created, byId[created].Status);
    }

    [Fact]
    public async Task ListContainers_Default_ListsAllNotOnlyRunning()
    {
        var created = await CreateAsync(Spec("created", Sleeper));

        var listed = await Engine.ListContainersAsync(new ContainerListOptions { Labels = [Scope.CaseFilter] }, Ct).Within();

        Assert.Equal(created, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task ListContainers_NameFilter_MatchesSubstring()
    {
        var wanted = await CreateAsync(Spec("wanted", Sleeper));
        await CreateAsync(Spec("other", Sleeper));

        var listed = await ListAsync(new ContainerListOptions { Name = $"{Scope.Id}-want", Labels = [Scope.CaseFilter] });

        Assert.Equal(wanted, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task CreateContainer_LabelsAndEnvironment_RoundTripInInspect()
    {
        var spec = Spec("config", "sh", "-c", "echo \"$GREETING\"") with
        {
            Labels = Scope.LabelsWith(("io.coxswain.test.role", "db"), ("io.coxswain.test.empty", "")),
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello world", ["EMPTY"] = "" },
        };

        var id = await CreateAsync(spec);
        var info = await InspectAsync(id);

        foreach (var (key, value) in spec.Labels)
        {
            Assert.True(info.Labels.TryGetValue(key, out var actual), $"label {key} is missing from inspect: {string.Join(", ", info.Labels)}");
            Assert.Equal(value, actual);
        }

        // Podman adds PATH, TERM, container=podman and HOSTNAME to the environment; Docker adds nothing for an image without Env.
        Assert.Contains("GREETING=hello world", info.Environment);
        Assert.Contains("EMPTY=", info.Environment);
        Assert.Equal(["sh", "-c", "echo \"$GREETING\""], info.Command);
    }

    [Fact]
    public async Task StartContainer_Environment_IsSeenByTheProcess()
    {
        var spec = Spec("env", "sh", "-c", "echo \"$GREETING\"") with
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello world" },
        };
        var id = await RunAsync(spec);
        await Engine.WaitContainerAsync(id, Ct).Within();

        var lines = await Bounded.CollectAsync(t => Engine.GetLogsAsync(id, null, t), TimeSpan.FromSeconds(30), what: "logs");

        Assert.Equal(["hello world"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task GetStats_MemoryLimitedContainer_ReportsTheLimit()
    {
        const long Limit = 64L * 1024 * 1024;
        var spec = Spec("stats", Sleeper) with { Resources = new ResourceLimits { MemoryBytes = Limit } };
        var id = await RunAsync(spec);

        var stats = await Engine.GetStatsAsync(id, Ct).Within();

        Assert.Equal(Limit, stats.MemoryLimitBytes);
        Assert.True(stats.MemoryUsageBytes > 0, $"a running container uses some memory, got {stats.MemoryUsageBytes}");
        Assert.Equal(Limit, (await InspectAsync(id)).MemoryLimitBytes);
    }

    /// <summary>Containers a (tier=front), b (tier=back, zone=x) and c (no tier) with test-unique label keys.</summary>
    private async Task<(string Tier, string Zone, string[] Ids)> CreateLabelledTrioAsync()
    {
        var tier = $"io.coxswain.test.{Scope.Id}.tier";
        var zone = $"io.coxswain.test.{Scope.Id}.zone";
        var a = await CreateAsync(Spec("a", Sleeper) with { Labels = Scope.LabelsWith((tier, "front")) });
        var b = await CreateAsync(Spec("b", Sleeper) with { Labels = Scope.LabelsWith((tier, "back"), (zone, "x")) });
        var c = await CreateAsync(Spec("c", Sleeper) with { Labels = Scope.LabelsWith((zone, "x")) });
        return (tier, zone, [a, b, c]);
    }

    private Task<IReadOnlyList<ContainerSummary>> ListAsync(ContainerListOptions options) =>
        Engine.ListContainersAsync(options, Ct).Within();
}

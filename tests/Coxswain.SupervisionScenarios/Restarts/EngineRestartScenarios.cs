using Coxswain.Supervision;
using Coxswain.SupervisionScenarios.Fixtures;
using Coxswain.SupervisionScenarios.Support;
using Xunit;

namespace Coxswain.SupervisionScenarios.Restarts;

/// <summary>
/// The engine restarts under a supervised stack (dockerd stops its containers on the way down; Podman's are stopped as a
/// host restart would). The supervisor must bring the stack back in dependency order with health gating: db first, api
/// only once db's probe passes, web after api. These restart a shared engine, so they run alone, after everything else.
/// </summary>
public abstract class EngineRestartScenarios(SupervisionEngineFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supervisor_EngineRestarts_BringsTheStackBackInDependencyOrderWithHealthGating()
    {
        // db's probe passes only 3 s after each start: api (service_healthy) may not start before then.
        await using var bed = new SupervisedStack(fixture, """
            services:
              db:
                image: {image}
                command: ["sh", "-c", "rm -f /tmp/ready; sleep 3; touch /tmp/ready; exec sleep 100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                healthcheck: { test: ["CMD-SHELL", "[ -f /tmp/ready ]"], interval: 500ms, timeout: 5s, retries: 20 }
                x-cox: { restart: { initial_delay: 200ms, jitter: 0 } }
              api:
                image: {image}
                command: ["sleep", "100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                depends_on: { db: { condition: service_healthy } }
                x-cox: { restart: { initial_delay: 200ms, jitter: 0 } }
              web:
                image: {image}
                command: ["sleep", "100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                depends_on: { api: { condition: service_started } }
                x-cox: { restart: { initial_delay: 200ms, jitter: 0 } }
            """);
        await bed.StartAsync(Bound);
        await bed.WaitForAsync(AllUp(bed), Bound, "db healthy, api and web running");
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in new[] { "db", "api", "web" })
        {
            before[service] = (await bed.InspectAsync(service))!.Id;
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await EngineControl.RestartAsync(fixture.EngineName.ToLowerInvariant(), Ct);
        var stopped = await bed.InspectAsync("db");
        Assert.True(stopped is { State.Running: false } || stopped?.State.StartedAt > restartedAt,
            $"{fixture.EngineName}: db was not stopped by the engine restart (started {stopped?.State.StartedAt:O})");

        await bed.WaitForAsync(async () => AllUp(bed)() && await AllRunningAsync(bed), Bound, "the stack back after the engine restart");

        var db = (await bed.InspectAsync("db"))!;
        var api = (await bed.InspectAsync("api"))!;
        var web = (await bed.InspectAsync("web"))!;
        TestContext.Current.TestOutputHelper?.WriteLine(bed.Describe());
        var describe = $"{fixture.EngineName}: started db {db.State.StartedAt:O}, api {api.State.StartedAt:O}, web {web.State.StartedAt:O}\n{bed.Describe()}";
        Assert.True(db.State.StartedAt > restartedAt, describe);
        Assert.True(db.State.StartedAt + TimeSpan.FromSeconds(3) <= api.State.StartedAt, "api started before db's probe could pass: " + describe);
        Assert.True(api.State.StartedAt <= web.State.StartedAt, "web started before api: " + describe);
        Assert.Equal(before["db"], db.Id);
        Assert.Equal(before["api"], api.Id);
        Assert.Equal(before["web"], web.Id);
        Assert.Equal(3, (await bed.ContainersAsync()).Count);
        Assert.NotEmpty(bed.Messages(SupervisorEventKind.Reconnected));
        Assert.All(new[] { "db", "api", "web" }, s => Assert.NotEqual(ServiceStatus.StoppedByUser, bed.State(s).Status));
    }

    private static Func<bool> AllUp(SupervisedStack bed) => () =>
        bed.State("db").Status == ServiceStatus.Healthy
        && bed.State("api").Status == ServiceStatus.Running
        && bed.State("web").Status == ServiceStatus.Running;

    private static async Task<bool> AllRunningAsync(SupervisedStack bed)
    {
        foreach (var service in new[] { "db", "api", "web" })
        {
            if (await bed.InspectAsync(service) is not { State.Running: true })
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The engine restarts run alone: they take the shared engine down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineRestartCollection
{
    public const string Name = "engine restarts";
}

/// <summary>dockerd restarts under the stack.</summary>
[Collection(EngineRestartCollection.Name)]
[Trait("Category", "Scenario")]
[Trait("Engine", "Docker")]
public sealed class DockerEngineRestartScenarios(DockerSupervisionFixture fixture) : EngineRestartScenarios(fixture), IClassFixture<DockerSupervisionFixture>;

/// <summary>Podman's service restarts, its containers stopped meanwhile as in a host restart.</summary>
[Collection(EngineRestartCollection.Name)]
[Trait("Category", "Scenario")]
[Trait("Engine", "Podman")]
public sealed class PodmanEngineRestartScenarios(PodmanSupervisionFixture fixture) : EngineRestartScenarios(fixture), IClassFixture<PodmanSupervisionFixture>;

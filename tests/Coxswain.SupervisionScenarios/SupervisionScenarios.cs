using Coxswain.Engine;
using Coxswain.Supervision;
using Coxswain.SupervisionScenarios.Fixtures;
using Coxswain.SupervisionScenarios.Support;
using Xunit;

namespace Coxswain.SupervisionScenarios;

/// <summary>
/// The supervisor on a real engine, driven as a library: each scenario runs its own small stack under a unique project name,
/// breaks it the way production breaks (SIGKILL, the OOM killer, a failing probe, the supervisor's own death), and checks
/// that the supervisor heals it, says why, and leaves exactly the containers the stack declares.
/// </summary>
public abstract class SupervisionScenarios(SupervisionEngineFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supervisor_ContainerKilledWithSigkill_RestartsItAndSaysItWasKilled()
    {
        await using var bed = new SupervisedStack(fixture, """
            services:
              web:
                image: {image}
                command: ["sleep", "100000"]
                restart: unless-stopped
                x-cox: { restart: { initial_delay: 200ms, jitter: 0 } }
            """);
        await bed.StartAsync(Bound);
        await bed.WaitForAsync(() => bed.State("web").Status == ServiceStatus.Running, Bound, "web running after adoption");
        var before = (await bed.InspectAsync("web"))!;

        bed.Kill("web");

        await bed.WaitForAsync(() => bed.Messages(SupervisorEventKind.Restarted, "web").Count > 0, Bound, "web restarted");
        await bed.WaitForAsync(() => bed.State("web").Status == ServiceStatus.Running, Bound, "web running again");
        Assert.Equal("web: killed, attempt 1 of 10, backoff 200 ms", Assert.Single(bed.Messages(SupervisorEventKind.Decision, "web")));
        Assert.Equal("restarted web: killed, attempt 1 of 10, backoff 200 ms", Assert.Single(bed.Messages(SupervisorEventKind.Restarted, "web")));
        var after = (await bed.InspectAsync("web"))!;
        Assert.True(after.State.Running, $"{fixture.EngineName}: {after.Name} is {after.State.Status}");
        Assert.Equal(before.Id, after.Id);
        Assert.True(after.State.StartedAt > before.State.StartedAt, $"started at {after.State.StartedAt:O}, before {before.State.StartedAt:O}");
        var dossier = Assert.Single(bed.Supervisor.Dossiers(bed.Name, "web"));
        Assert.Equal(FailureKind.Killed, dossier.Failure.Kind);
        Assert.Equal(137, dossier.Failure.ExitCode);
        Assert.Single(await bed.ContainersAsync());
    }

    [Fact]
    public async Task Supervisor_ContainerAllocatesPastItsMemoryLimit_ClassifiesOomAndRestartsWithBackoff()
    {
        // The shell doubles a string until the 16 MiB limit stops it: the kernel's OOM killer ends it within a second.
        await using var bed = new SupervisedStack(fixture, """
            services:
              hog:
                image: {image}
                command: ["sh", "-c", "sleep 0.5; x=a; while true; do x=$$x$$x; done"]
                restart: unless-stopped
                deploy: { resources: { limits: { memory: 16m } } }
                memswap_limit: 16m
                x-cox: { restart: { initial_delay: 300ms, factor: 2, jitter: 0, budget: 3, window: 10m } }
            """);
        await bed.StartAsync(Bound);

        await bed.WaitForAsync(() => bed.State("hog").Status == ServiceStatus.Failed, Bound, "hog failed after its budget of OOM kills");
        Assert.True(fixture.OomEvidenceProblem is null, fixture.OomEvidenceProblem);

        var decisions = bed.Messages(SupervisorEventKind.Decision, "hog");
        Assert.Equal(
            [
                "hog: killed (OOM), attempt 1 of 3, backoff 300 ms",
                "hog: killed (OOM), attempt 2 of 3, backoff 600 ms",
                "hog: killed (OOM), attempt 3 of 3, backoff 1.2 s",
            ],
            decisions);
        Assert.Equal(3, bed.Messages(SupervisorEventKind.Restarted, "hog").Count);
        Assert.Equal("hog: killed (OOM); failed — gave up after 3 restarts (3 restarts within 10 min is the budget); start it to try again", Assert.Single(bed.Messages(SupervisorEventKind.GaveUp, "hog")));
        Assert.All(bed.Supervisor.Dossiers(bed.Name, "hog"), d => Assert.Equal(FailureKind.OomKilled, d.Failure.Kind));
        var restarted = bed.Supervisor.History(1000, bed.Name).Where(e => e.Kind == SupervisorEventKind.Restarted).Select(e => e.Time).ToList();
        var decided = bed.Supervisor.History(1000, bed.Name).Where(e => e.Kind == SupervisorEventKind.Decision).Select(e => e.Time).ToList();
        for (var i = 0; i < 3; i++)
        {
            var waited = restarted[i] - decided[i];
            var backoff = TimeSpan.FromMilliseconds(300 * Math.Pow(2, i));
            Assert.True(waited >= backoff, $"{fixture.EngineName}: restart {i + 1} came {waited.TotalMilliseconds} ms after its decision, before the {backoff.TotalMilliseconds} ms backoff");
        }

        Assert.Single(await bed.ContainersAsync());
    }

    [Fact]
    public async Task Supervisor_ProbeStartsFailing_RestartsAfterRetriesFailures()
    {
        await using var bed = new SupervisedStack(fixture, """
            services:
              api:
                image: {image}
                command: ["sh", "-c", "touch /tmp/ok; exec sleep 100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                healthcheck: { test: ["CMD-SHELL", "[ -f /tmp/ok ] || { echo no /tmp/ok; exit 1; }"], interval: 500ms, timeout: 5s, retries: 3 }
                x-cox: { restart: { initial_delay: 200ms, jitter: 0 } }
            """);
        await bed.StartAsync(Bound);
        await bed.WaitForAsync(() => bed.State("api").Status == ServiceStatus.Healthy, Bound, "api healthy");
        var before = (await bed.InspectAsync("api"))!;

        var removed = await fixture.Engine.ExecAsync(bed.Container("api"), new ExecSpec(["rm", "/tmp/ok"]), TimeSpan.FromSeconds(20), cancellationToken: Ct);
        Assert.Equal(0, removed.ExitCode);

        await bed.WaitForAsync(() => bed.Messages(SupervisorEventKind.Restarted, "api").Count > 0, Bound, "api restarted");
        await bed.WaitForAsync(() => bed.State("api").Status == ServiceStatus.Healthy, Bound, "api healthy again");
        Assert.Equal("restarted api: unhealthy, attempt 1 of 10, backoff 200 ms", Assert.Single(bed.Messages(SupervisorEventKind.Restarted, "api")));
        var dossier = Assert.Single(bed.Supervisor.Dossiers(bed.Name, "api"));
        Assert.Equal(FailureKind.Unhealthy, dossier.Failure.Kind);
        Assert.StartsWith("3 probes failed in a row", dossier.Failure.Detail, StringComparison.Ordinal);
        Assert.Contains(dossier.ProbeOutputs, o => o.Contains("no /tmp/ok", StringComparison.Ordinal));
        var after = (await bed.InspectAsync("api"))!;
        Assert.Equal(before.Id, after.Id);
        Assert.True(after.State.StartedAt > before.State.StartedAt, $"started at {after.State.StartedAt:O}, before {before.State.StartedAt:O}");
        Assert.Single(await bed.ContainersAsync());
    }

    [Fact]
    public async Task Supervisor_DiesMidHeal_NextSupervisorOnTheSameStoreAdoptsAndConvergesWithoutDuplicates()
    {
        // db's probe only passes 3 s after each start, so a heal of db is in flight (waiting for db healthy before restarting
        // app, which depends on it with restart: true) for seconds: long enough to kill the supervisor in the middle.
        await using var bed = new SupervisedStack(fixture, """
            services:
              db:
                image: {image}
                command: ["sh", "-c", "rm -f /tmp/ready; sleep 3; touch /tmp/ready; exec sleep 100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                healthcheck: { test: ["CMD-SHELL", "[ -f /tmp/ready ]"], interval: 500ms, timeout: 5s, retries: 20 }
                x-cox: { restart: { initial_delay: 0s, jitter: 0 } }
              app:
                image: {image}
                command: ["sleep", "100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                depends_on:
                  db: { condition: service_healthy, restart: true }
                x-cox: { restart: { initial_delay: 0s, jitter: 0 } }
            """);
        await bed.StartAsync(Bound);
        await bed.WaitForAsync(() => bed.State("db").Status == ServiceStatus.Healthy && bed.State("app").Status == ServiceStatus.Running, Bound, "db healthy and app running");
        var ids = (await bed.ContainersAsync()).ToDictionary(c => c.Name, c => c.Id);

        bed.Kill("db");
        await bed.WaitForAsync(
            () => bed.State("db").Status == ServiceStatus.Healing && bed.InFlight().Any(o => o.Service == "db"),
            Bound,
            "db's heal under way and recorded in flight");
        await bed.CrashAsync(Bound);
        // Killed while no supervisor runs: no event will tell the next one, only its adoption can see it.
        await fixture.Engine.KillContainerAsync(bed.Container("app"), "SIGKILL", Ct).WaitAsync(Bound, Ct);
        var reports = await bed.RestartAsync(Bound);

        var report = Assert.Single(reports);
        Assert.Equal(bed.Name, report.Project);
        Assert.Empty(report.Errors);
        Assert.Contains(report.Resumed, r => r.StartsWith("heal db: killed", StringComparison.Ordinal));
        await bed.WaitForAsync(
            async () => bed.State("db").Status == ServiceStatus.Healthy && bed.State("app").Status == ServiceStatus.Running && (await bed.InspectAsync("app"))!.State.Running,
            Bound,
            "db healthy and app running after the new supervisor took over");
        var containers = await bed.ContainersAsync();
        Assert.Equal(ids.Keys.Order(StringComparer.Ordinal), containers.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal(ids[c.Name], c.Id));
        Assert.All(containers, c => Assert.Equal(ContainerStatus.Running, c.Status));
        var all = await fixture.Engine.ListContainersAsync(new ContainerListOptions { Name = bed.Name }, Ct);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Supervisor_DiesWhileAddingAStack_NextSupervisorFinishesTheInstallWithoutDuplicates()
    {
        // db takes 3 s to turn healthy and app waits for it: the supervisor dies after db exists and before app does.
        await using var bed = new SupervisedStack(fixture, """
            services:
              db:
                image: {image}
                command: ["sh", "-c", "sleep 3; touch /tmp/ready; exec sleep 100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                healthcheck: { test: ["CMD-SHELL", "[ -f /tmp/ready ]"], interval: 500ms, timeout: 5s, retries: 20 }
              app:
                image: {image}
                command: ["sleep", "100000"]
                restart: unless-stopped
                stop_grace_period: 1s
                depends_on:
                  db: { condition: service_healthy }
            """);
        await bed.Supervisor.StartAsync(Ct).WaitAsync(Bound, Ct);
        var adding = bed.Supervisor.AddStackAsync(bed.Project, Ct);
        await bed.WaitForAsync(async () => (await bed.InspectAsync("db"))?.State.Running == true, Bound, "db created and started");
        Assert.Null(await bed.InspectAsync("app"));

        await bed.CrashAsync(Bound);
        await Task.WhenAny(adding).WaitAsync(Bound, Ct);
        var reports = await bed.RestartAsync(Bound);

        var report = Assert.Single(reports);
        Assert.Empty(report.Errors);
        Assert.Equal([bed.Container("db")], report.Adopted);
        Assert.Equal([bed.Container("app")], report.Created);
        await bed.WaitForAsync(() => bed.State("db").Status == ServiceStatus.Healthy && bed.State("app").Status == ServiceStatus.Running, Bound, "db healthy and app running");
        var containers = await bed.ContainersAsync();
        Assert.Equal([bed.Container("app"), bed.Container("db")], containers.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal(ContainerStatus.Running, c.Status));
    }
}

using Coxswain.Engine;
using Coxswain.Stacks;
using Coxswain.Supervision.Tests.Support;
using Xunit;

namespace Coxswain.Supervision.Tests.Healing;

public sealed class HealPlannerTests
{
    private const string Compose = """
        services:
          db:
            image: busybox:test
            healthcheck: { test: ["CMD", "probe"], interval: 1s }
          api:
            image: busybox:test
            depends_on: { db: { condition: service_healthy, restart: true } }
          web:
            image: busybox:test
            depends_on: { api: { condition: service_started, restart: true } }
        """;

    private static ObservedContainer Container(string service, bool running) => new(
        $"box-{service}-1", $"box-{service}-1", "busybox:test",
        new Dictionary<string, string> { [StackLabels.Service] = service, [StackLabels.Slot] = "1" },
        new ContainerState { Status = running ? ContainerStatus.Running : ContainerStatus.Exited, Running = running });

    [Fact]
    public void Plan_ExitedDependencyWithRestartDependents_StartsItThenRestartsDependentsInOrder()
    {
        var desired = DesiredStateBuilder.Build(ComposeText.Load(Compose));
        var observed = new ObservedStack("box") { Containers = [Container("db", false), Container("api", true), Container("web", true)] };

        var plan = HealPlanner.Plan(desired, observed, "db", "crashed (exit 1)", ["api", "web"]);

        Assert.Equal(
            ["start container box-db-1", "wait for db healthy", "restart container box-api-1", "wait for api running", "restart container box-web-1"],
            plan.Operations.Select(o => o.Id));
        Assert.Equal(["wait for db healthy"], plan.Operations[2].DependsOn);
        Assert.Equal(["wait for api running"], plan.Operations[4].DependsOn);
    }

    [Fact]
    public void Plan_DependentOfHealthyDependency_WaitsForItFirst()
    {
        var desired = DesiredStateBuilder.Build(ComposeText.Load(Compose));
        var observed = new ObservedStack("box") { Containers = [Container("db", true), Container("api", false)] };

        var plan = HealPlanner.Plan(desired, observed, "api", "crashed (exit 1)");

        Assert.Equal(["wait for db healthy", "start container box-api-1"], plan.Operations.Select(o => o.Id));
        Assert.Equal(["wait for db healthy"], plan.Operations[1].DependsOn);
    }

    [Fact]
    public void Plan_ContainerRemovedBehindOurBack_CreatesAndStartsIt()
    {
        var desired = DesiredStateBuilder.Build(ComposeText.Load(Compose));

        var plan = HealPlanner.Plan(desired, new ObservedStack("box"), "db", "removed");

        Assert.Equal(["create container box-db-1", "start container box-db-1"], plan.Operations.Select(o => o.Id));
    }

    [Fact]
    public void Plan_UnhealthyButRunning_RestartsWithTheGracePeriod()
    {
        var desired = DesiredStateBuilder.Build(ComposeText.Load(Compose.Replace("    healthcheck:", "    stop_grace_period: 42s\n    healthcheck:", StringComparison.Ordinal)));
        var observed = new ObservedStack("box") { Containers = [Container("db", true)] };

        var plan = HealPlanner.Plan(desired, observed, "db", "unhealthy");

        var restart = Assert.IsType<RestartContainerOperation>(Assert.Single(plan.Operations));
        Assert.Equal(TimeSpan.FromSeconds(42), restart.Timeout);
    }
}

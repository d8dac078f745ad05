using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Planning;

public sealed class UpReconcilerTests
{
    private static readonly Compose.ComposeProject Project = TestProjects.Load(TestProjects.WebAndDb);

    [Fact]
    public void Plan_FreshProject_PullsThenCreatesResourcesThenServicesInDependencyOrder()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = UpReconciler.Plan(desired, ObservedStack.Empty("demo"));

        Assert.Equal(
            """
            up demo: 11 operations
              1. pull image busybox:test: not present locally; used by db, cache, web
              2. create network demo_default: missing [after 1]
              3. create volume demo_data: missing [after 1]
              4. create container demo-db-1: missing [after 1, 2]
              5. start container demo-db-1: created [after 4]
              6. create container demo-cache-1: missing [after 1, 2]
              7. start container demo-cache-1: created [after 6]
              8. wait for db healthy: web depends on it [after 5]
              9. wait for cache running: web depends on it [after 7]
             10. create container demo-web-1: missing [after 1, 2, 3, 8, 9]
             11. start container demo-web-1: created [after 10]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_NothingChanged_IsEmptyAndSaysHowManyServicesAreUpToDate()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = UpReconciler.Plan(desired, Observed.AllUp(desired));

        Assert.True(plan.IsEmpty);
        Assert.Equal("up demo: nothing to do: 3 services up to date\n", plan.ToText());
    }

    [Fact]
    public void Plan_OneServiceDrifted_RecreatesItAloneWithOldAndNewHash()
    {
        var desired = DesiredStateBuilder.Build(Project);
        var observed = Observed.AllUp(desired);
        var cache = desired.Containers.Single(c => c.Service.Name == "cache");
        observed = observed with { Containers = [.. observed.Containers.Where(c => c.Service != "cache"), Observed.Running(cache, hash: "0123456789abcdef")] };

        var plan = UpReconciler.Plan(desired, observed);

        Assert.Equal(
            $"""
            up demo: 2 operations
              1. recreate container demo-cache-1: config changed: 0123456789ab -> {cache.ConfigHash[..12]}
              2. start container demo-cache-1: recreated [after 1]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_DependencyWithRestartTrueRecreated_RestartsTheDependentAfterTheWait()
    {
        var desired = DesiredStateBuilder.Build(Project);
        var observed = Observed.AllUp(desired);
        var db = desired.Containers.Single(c => c.Service.Name == "db");
        observed = observed with { Containers = [.. observed.Containers.Where(c => c.Service != "db"), Observed.Running(db, hash: "feedfeedfeedfeed")] };

        var plan = UpReconciler.Plan(desired, observed);

        Assert.Equal(
            $"""
            up demo: 5 operations
              1. recreate container demo-db-1: config changed: feedfeedfeed -> {db.ConfigHash[..12]}
              2. start container demo-db-1: recreated [after 1]
              3. wait for db healthy: web depends on it [after 2]
              4. wait for cache running: web depends on it
              5. restart container demo-web-1: db was replaced (depends_on restart: true) [after 3, 4]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_ScaleUpAndDown_CreatesNewSlotsAndRemovesExtraOnes()
    {
        var scaledUp = DesiredStateBuilder.Build(Project, new StackSelection { Scale = new Dictionary<string, int> { ["cache"] = 3 } });
        var before = Observed.AllUp(DesiredStateBuilder.Build(Project));

        var up = UpReconciler.Plan(scaledUp, before);
        var down = UpReconciler.Plan(DesiredStateBuilder.Build(Project), Observed.AllUp(scaledUp));

        Assert.Equal(
            """
            up demo: 4 operations
              1. create container demo-cache-2: missing
              2. start container demo-cache-2: created [after 1]
              3. create container demo-cache-3: missing
              4. start container demo-cache-3: created [after 3]

            """,
            up.ToText());
        Assert.Equal(
            """
            up demo: 2 operations
              1. remove container demo-cache-2: scaled to 1
              2. remove container demo-cache-3: scaled to 1

            """,
            down.ToText());
    }

    [Fact]
    public void Plan_Orphans_AreWarnedAboutOrRemovedWithRemoveOrphans()
    {
        var desired = DesiredStateBuilder.Build(Project);
        var observed = Observed.AllUp(desired);
        var orphan = observed.Containers[0] with
        {
            Name = "demo-old-1",
            Labels = new Dictionary<string, string> { [StackLabels.Project] = "demo", [StackLabels.Service] = "old", [StackLabels.Slot] = "1" },
        };
        observed = observed with { Containers = [.. observed.Containers, orphan] };

        var kept = UpReconciler.Plan(desired, observed);
        var removed = UpReconciler.Plan(desired, observed, new UpOptions { RemoveOrphans = true });

        Assert.Equal(
            """
            up demo: nothing to do: 3 services up to date
            warning: orphan container demo-old-1 (service "old" is not in the Compose file); remove it with --remove-orphans

            """,
            kept.ToText());
        Assert.Equal(
            """
            up demo: 1 operation
              1. remove container demo-old-1: orphan: service "old" is not in the Compose file

            """,
            removed.ToText());
    }

    [Fact]
    public void Plan_StoppedContainerUpToDate_IsStartedAgain()
    {
        var desired = DesiredStateBuilder.Build(Project);
        var observed = Observed.AllUp(desired);
        var cache = observed.Containers.Single(c => c.Service == "cache");
        observed = observed with { Containers = [.. observed.Containers.Where(c => c != cache), cache with { State = new Engine.ContainerState { Status = Engine.ContainerStatus.Exited, ExitCode = 3 } }] };

        var plan = UpReconciler.Plan(desired, observed);

        Assert.Equal("up demo: 1 operation\n  1. start container demo-cache-1: not running (exit 3)\n", plan.ToText());
    }

    [Fact]
    public void Plan_WithWait_AddsAFinalWaitPerServiceHealthyWhenItHasAHealthcheck()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = UpReconciler.Plan(desired, ObservedStack.Empty("demo"), new UpOptions { Wait = true });

        var waits = plan.Operations.OfType<WaitOperation>().Select(w => $"{w.Id}: {w.Cause}").ToList();
        Assert.Equal(["wait for db healthy: web depends on it", "wait for cache running: web depends on it", "wait for web running: --wait"], waits);
    }
}

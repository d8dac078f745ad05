using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Planning;

public sealed class DownReconcilerTests
{
    private static readonly Compose.ComposeProject Project = TestProjects.Load(TestProjects.WebAndDb);

    [Fact]
    public void Plan_RunningStack_StopsDependentsFirstThenRemovesContainersThenNetworks()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = DownReconciler.Plan(Project, Observed.AllUp(desired));

        Assert.Equal(
            """
            down demo: 7 operations
              1. stop container demo-web-1: down (SIGTERM, kill after the engine's default)
              2. remove container demo-web-1: down [after 1]
              3. stop container demo-cache-1: down (SIGTERM, kill after the engine's default) [after 1]
              4. remove container demo-cache-1: down [after 3]
              5. stop container demo-db-1: down (SIGTERM, kill after the engine's default) [after 1]
              6. remove container demo-db-1: down [after 5]
              7. remove network demo_default: down [after 2, 4, 6]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_WithVolumesAndTimeout_RemovesVolumesAndStopsWithTheTimeout()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = DownReconciler.Plan(Project, Observed.AllUp(desired), new DownOptions { RemoveVolumes = true, Timeout = TimeSpan.FromSeconds(2) });

        Assert.Contains("stop container demo-web-1: down (SIGTERM, kill after 2 s)", plan.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("  8. remove volume demo_data: down -v [after 2, 4, 6]\n", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoGrace_KillsAndRemovesEachContainerInOneStepDependentsFirst()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = DownReconciler.Plan(Project, Observed.AllUp(desired), new DownOptions { Timeout = TimeSpan.Zero });

        Assert.Equal(
            """
            down demo: 4 operations
              1. remove container demo-web-1: down (no grace: killed and removed at once)
              2. remove container demo-cache-1: down (no grace: killed and removed at once) [after 1]
              3. remove container demo-db-1: down (no grace: killed and removed at once) [after 1]
              4. remove network demo_default: down [after 1, 2, 3]

            """,
            plan.ToText());
    }

    [Fact]
    public void PlanFromLabels_NoComposeFile_RemovesEveryLabelledContainerThenTheNetworks()
    {
        var desired = DesiredStateBuilder.Build(Project);

        var plan = DownReconciler.PlanFromLabels(Observed.AllUp(desired), new DownOptions { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(
            """
            down demo: 7 operations
              1. stop container demo-cache-1: down (by label: no Compose file) (SIGTERM, kill after 1 s)
              2. remove container demo-cache-1: down (by label: no Compose file) [after 1]
              3. stop container demo-db-1: down (by label: no Compose file) (SIGTERM, kill after 1 s)
              4. remove container demo-db-1: down (by label: no Compose file) [after 3]
              5. stop container demo-web-1: down (by label: no Compose file) (SIGTERM, kill after 1 s)
              6. remove container demo-web-1: down (by label: no Compose file) [after 5]
              7. remove network demo_default: down (by label) [after 2, 4, 6]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_NothingExists_IsEmpty()
    {
        var plan = DownReconciler.Plan(Project, ObservedStack.Empty("demo"));

        Assert.Equal("down demo: nothing to do\n", plan.ToText());
    }
}

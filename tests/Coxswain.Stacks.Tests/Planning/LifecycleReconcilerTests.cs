using Coxswain.Stacks.Tests.Support;
using Xunit;

namespace Coxswain.Stacks.Tests.Planning;

public sealed class LifecycleReconcilerTests
{
    private static readonly Compose.ComposeProject Project = TestProjects.Load(TestProjects.WebAndDb);

    [Fact]
    public void Plan_Stop_StopsDependentsFirst()
    {
        var observed = Observed.AllUp(DesiredStateBuilder.Build(Project));

        var plan = LifecycleReconciler.Plan(Project, observed, LifecycleAction.Stop, timeout: TimeSpan.FromSeconds(2));

        Assert.Equal(
            """
            stop demo: 3 operations
              1. stop container demo-web-1: stop asked
              2. stop container demo-cache-1: stop asked [after 1]
              3. stop container demo-db-1: stop asked [after 1]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_Restart_RestartsDependenciesFirst()
    {
        var observed = Observed.AllUp(DesiredStateBuilder.Build(Project));

        var plan = LifecycleReconciler.Plan(Project, observed, LifecycleAction.Restart);

        Assert.Equal(
            """
            restart demo: 3 operations
              1. restart container demo-db-1: restart asked
              2. restart container demo-cache-1: restart asked
              3. restart container demo-web-1: restart asked [after 1, 2]

            """,
            plan.ToText());
    }

    [Fact]
    public void Plan_StartWhenAllRun_IsEmpty()
    {
        var observed = Observed.AllUp(DesiredStateBuilder.Build(Project));

        var plan = LifecycleReconciler.Plan(Project, observed, LifecycleAction.Start);

        Assert.Equal("start demo: nothing to do\n", plan.ToText());
    }
}

namespace Coxswain.Compose.Tests.Validation;

public sealed class DependencyGraphTests
{
    private static ServiceModel Service(string name, params string[] dependsOn) =>
        new(name) { DependsOn = dependsOn.Select(d => new ServiceDependency(d)).ToList() };

    [Fact]
    public void TopologicalOrder_DependenciesFirst_TiesInFileOrder()
    {
        var graph = DependencyGraph.Create([Service("web", "api", "cache"), Service("api", "db"), Service("cache"), Service("db"), Service("worker", "db")]);
        Assert.Equal(["cache", "db", "api", "web", "worker"], graph.TopologicalOrder());
        Assert.Equal(["worker", "web", "api", "db", "cache"], graph.ReverseTopologicalOrder());
        Assert.Equal(["api", "worker"], graph.DependentsOf("db"));
        Assert.Equal(["api", "web", "worker"], graph.TransitiveDependentsOf("db"));
        Assert.Equal(["api", "cache"], graph.DependenciesOf("web"));
    }

    [Fact]
    public void TopologicalOrder_DiamondWithManyParents_EachServiceOnce()
    {
        var graph = DependencyGraph.Create([Service("top", "left", "right"), Service("left", "base"), Service("right", "base"), Service("base")]);
        Assert.Equal(["base", "left", "right", "top"], graph.TopologicalOrder());
    }

    [Fact]
    public void FindCycle_Cycle_GivesThePath()
    {
        var graph = DependencyGraph.Create([Service("a", "b"), Service("b", "c"), Service("c", "a"), Service("d")]);
        Assert.Equal(["a", "b", "c", "a"], graph.FindCycle());
        Assert.False(graph.TryTopologicalOrder(out _));
        Assert.Equal("dependency cycle: a -> b -> c -> a", Assert.Throws<InvalidOperationException>(() => graph.TopologicalOrder()).Message);
    }

    [Fact]
    public void FindCycle_NoCycle_IsNull() => Assert.Null(DependencyGraph.Create([Service("a", "b"), Service("b")]).FindCycle());

    [Fact]
    public void Load_Cycles_AreErrorsWithThePathAndSelfDependencyIsNamed()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:2:36: services.a.depends_on: dependency cycle: a -> b -> a",
                "compose.yaml:4:36: services.c.depends_on: service \"c\" depends on itself; remove it from its own depends_on",
            ],
            project.Diagnose("""
                services:
                  a: {image: busybox, depends_on: [b]}
                  b: {image: busybox, depends_on: [a]}
                  c: {image: busybox, depends_on: [c]}
                """));
    }

    [Fact]
    public void Load_OptionalUnknownDependency_IsOnlyAWarning()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:5:7: warning: services.a.depends_on: unknown service \"metrics\"; ignored because it is not required"],
            project.Diagnose("""
                services:
                  a:
                    image: busybox
                    depends_on:
                      metrics: {condition: service_started, required: false}
                """));
    }
}

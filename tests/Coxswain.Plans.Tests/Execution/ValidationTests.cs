namespace Coxswain.Plans.Tests.Execution;

public sealed class ValidationTests
{
    [Fact]
    public void Validate_TwoTaskCycle_NamesThePath()
    {
        var plan = new Plan(new PlanOptions { Name = "deploy" });
        plan.TaskFunc("a", Ops.Changed).DependsOn("b");
        plan.TaskFunc("b", Ops.Changed).DependsOn("a");

        var error = Assert.Throws<PlanValidationException>(plan.Validate);

        Assert.Equal(
            "Plan 'deploy' is not valid: task 'a': Dependency cycle: a -> b -> a. A task cannot (even indirectly) depend on itself; remove one of these dependencies.",
            error.Message);
    }

    [Fact]
    public void Validate_CycleBehindATail_ReportsOnlyTheLoop()
    {
        var plan = new Plan();
        plan.TaskFunc("root", Ops.Changed);
        plan.TaskFunc("tail", Ops.Changed).DependsOn("x");
        plan.TaskFunc("x", Ops.Changed).DependsOn("y", "root");
        plan.TaskFunc("y", Ops.Changed).DependsOn("z");
        plan.TaskFunc("z", Ops.Changed).DependsOn("x");

        var error = Assert.Throws<PlanValidationException>(plan.Validate);

        Assert.Contains("Dependency cycle: x -> y -> z -> x.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfDependency_IsACycle()
    {
        var plan = new Plan();
        plan.TaskFunc("a", Ops.Changed).DependsOn("a");

        var error = Assert.Throws<PlanValidationException>(plan.Validate);

        Assert.Contains("Dependency cycle: a -> a.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownDependencies_RejectedBeforeAnythingRuns_WithHint()
    {
        var ran = new List<string>();
        var plan = new Plan(new PlanOptions { Name = "site" });
        plan.TaskFunc("database", Ops.Record(ran));
        plan.TaskFunc("api", Ops.Record(ran)).DependsOn("databse");
        plan.TaskFunc("web", Ops.Record(ran)).DependsOn("cdn");

        var error = await Assert.ThrowsAsync<PlanValidationException>(() => plan.RunAsync(Drive.Token)).Bounded();

        Assert.Empty(ran);
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal("task 'api': depends on 'databse', which is not a task in plan 'site'. Did you mean 'database'?", error.Errors[0].ToString());
        Assert.Equal("task 'web': depends on 'cdn', which is not a task in plan 'site'.", error.Errors[1].ToString());
        Assert.StartsWith("Plan 'site' is not valid (2 problems):", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_DuplicateName_Rejected()
    {
        var plan = new Plan(new PlanOptions { Name = "p" });
        plan.TaskFunc("a", Ops.Changed);

        var error = Assert.Throws<ArgumentException>(() => plan.TaskFunc("a", Ops.Changed));

        Assert.StartsWith("Plan 'p' already has a task named 'a'; task names must be unique.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DependsOn_TaskOfAnotherPlan_Rejected()
    {
        var one = new Plan(new PlanOptions { Name = "one" });
        var other = new Plan(new PlanOptions { Name = "other" });
        var foreign = other.TaskFunc("x", Ops.Changed);

        var error = Assert.Throws<ArgumentException>(() => one.TaskFunc("a", Ops.Changed).DependsOn(foreign));

        Assert.Contains("belongs to another plan ('other')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadOptions_Reported()
    {
        var plan = new Plan(new PlanOptions { MaxParallelism = 0 });

        var error = Assert.Throws<PlanValidationException>(plan.Validate);

        Assert.Contains("MaxParallelism is 0; it must be at least 1.", error.Message, StringComparison.Ordinal);
    }
}

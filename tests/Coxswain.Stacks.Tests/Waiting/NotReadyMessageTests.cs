using Coxswain.Engine;
using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class NotReadyMessageTests
{
    [Fact]
    public void Build_OomKilled_SaysSoAndPointsAtTheMemoryLimit()
    {
        var container = new ContainerInfo
        {
            Id = "3f2a9c1b2d4e",
            Name = "shop-db-1",
            Image = "busybox:test",
            State = new ContainerState { Status = ContainerStatus.Exited, ExitCode = 137, OomKilled = true },
        };

        var error = new ContainerNotReadyException(new NotReadyFacts(
            NotReadyReason.Exited, "db", container, "healthy", "it is not running", TimeSpan.FromSeconds(7.25), null, ["allocating 2 GiB"], []));

        Assert.Equal((137L, true), (error.ExitCode, error.OomKilled));
        Assert.Equal(
            """
            Service 'db' (container shop-db-1) was killed by the kernel's OOM killer (exit code 137) while Coxswain waited for it to be healthy (7.3 s in).
            Last 1 log lines of shop-db-1:
              | allocating 2 GiB
            Raise the service's memory limit (deploy.resources.limits.memory) or lower its memory use, then run the command again.
            """,
            error.Message);
    }

    [Fact]
    public void Build_ExitedSilently_SaysItPrintedNothing()
    {
        var container = new ContainerInfo { Id = "abc", Name = "job", Image = "x", State = new ContainerState { Status = ContainerStatus.Exited, ExitCode = 2 } };

        var error = new ContainerNotReadyException(new NotReadyFacts(NotReadyReason.Exited, null, container, "running", "", TimeSpan.Zero, null, [], []));

        Assert.Equal(
            "Container job exited with code 2 while Coxswain waited for it to be running (0 s in).\njob printed nothing to its log.\nFix what the log shows (the log of job has all of it), then run the command again.",
            error.Message);
    }
}

using Coxswain.Engine;
using Xunit;

namespace Coxswain.Supervision.Tests.Detection;

public sealed class FailureClassifierTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ContainerState Exited(long code, bool oom = false) =>
        new() { Status = ContainerStatus.Exited, ExitCode = code, OomKilled = oom, StartedAt = T0, FinishedAt = T0.AddSeconds(5) };

    [Theory]
    [InlineData(0, false, false, FailureKind.CleanExit, "exited (exit 0)")]
    [InlineData(1, false, false, FailureKind.Crashed, "crashed (exit 1)")]
    [InlineData(137, false, false, FailureKind.Killed, "killed")]
    [InlineData(137, true, false, FailureKind.OomKilled, "killed (OOM)")]
    [InlineData(137, false, true, FailureKind.OomKilled, "killed (OOM)")]
    public void Classify_ExitedContainer_NamesTheCause(long code, bool oomKilled, bool evidence, FailureKind kind, string text)
    {
        var failure = FailureClassifier.Classify(Exited(code, oomKilled), T0.AddMinutes(1), evidence);

        Assert.NotNull(failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(text, failure.Text);
        Assert.Equal(T0.AddSeconds(5), failure.At);
    }

    [Fact]
    public void Classify_NeverStarted_IsStuckInCreated()
    {
        var failure = FailureClassifier.Classify(new ContainerState { Status = ContainerStatus.Created }, T0);

        Assert.Equal(FailureKind.StuckCreated, failure?.Kind);
    }

    [Fact]
    public void Classify_StartErrorLeftInState_IsStartFailed()
    {
        var failure = FailureClassifier.Classify(new ContainerState { Status = ContainerStatus.Created, Error = "OCI runtime create failed" }, T0);

        Assert.Equal(FailureKind.StartFailed, failure?.Kind);
        Assert.Equal("OCI runtime create failed", failure?.Detail);
    }

    [Fact]
    public void Classify_Running_IsNoFailure() =>
        Assert.Null(FailureClassifier.Classify(new ContainerState { Status = ContainerStatus.Running, Running = true }, T0));
}

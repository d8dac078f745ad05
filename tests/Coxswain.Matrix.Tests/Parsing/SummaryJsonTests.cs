using System.Text.Json;
using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class SummaryJsonTests
{
    [Fact]
    public void Format_ContainerSummary_HasExactlyTheIssueKeys()
    {
        var summary = new AttemptSummary
        {
            Distro = "arch",
            ImageDigest = "sha256:abc",
            ContainerId = "c0ffee",
            StartedAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2030, 1, 2, 3, 4, 9, 250, TimeSpan.Zero),
            ExitCode = 0,
            StdoutLog = "/r/logs/arch/x-stdout-1.log",
            StderrLog = "/r/logs/arch/x-stderr-1.log",
            Suites = [new SuiteResult("unit", SuiteStatus.Pass), new SuiteResult("pkg", SuiteStatus.Fail, ExpectedFailure: true)],
        };

        using var json = JsonDocument.Parse(SummaryJson.Format(summary));
        var root = json.RootElement;

        Assert.Equal(
            ["distro", "image_digest", "container_id", "started_at", "finished_at", "exit_code", "log_paths", "suites"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["stdout", "stderr"], root.GetProperty("log_paths").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2030-01-02T03:04:09.250Z", root.GetProperty("finished_at").GetString());
        var suites = root.GetProperty("suites").EnumerateArray().ToList();
        Assert.Equal(["name", "status"], suites[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "status", "expect"], suites[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("fail", suites[1].GetProperty("status").GetString());
        Assert.Equal("fail", suites[1].GetProperty("expect").GetString());
    }

    [Fact]
    public void Format_ContainerThatNeverStarted_WritesNulls()
    {
        var summary = new AttemptSummary { Distro = "a", ImageDigest = "", StdoutLog = "o", StderrLog = "e" };

        using var json = JsonDocument.Parse(SummaryJson.Format(summary));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("container_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("started_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("exit_code").ValueKind);
    }

    [Fact]
    public void Format_Aggregate_ListsCancelledTargetsAndExitCode()
    {
        var result = new MatrixResult
        {
            RunId = "20300101-000000Z",
            Matrix = "demo",
            Targets =
            [
                new TargetOutcome { Target = "a", Status = TargetStatus.Failed, Attempts = 3, ExitCode = 1, Error = "exited with code 1" },
                new TargetOutcome { Target = "b", Status = TargetStatus.Cancelled },
            ],
        };

        using var json = JsonDocument.Parse(SummaryJson.Format(result));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("exit_code").GetInt32());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(["b"], root.GetProperty("cancelled").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("failed", root.GetProperty("targets")[0].GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("targets")[0].GetProperty("attempts").GetInt32());
    }
}

using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class MatrixReporterTests
{
    private static readonly MatrixResult Result = new()
    {
        RunId = "20300101-000000Z",
        Matrix = "demo",
        Targets = [new TargetOutcome { Target = "arch", Status = TargetStatus.Passed, Attempts = 1, ExitCode = 0 }],
    };

    [Fact]
    public void Quiet_PrintsOnlyTheSummary()
    {
        var sink = new RecordingSink();
        var reporter = new MatrixReporter(sink, Verbosity.Quiet, ["arch"]);

        Feed(reporter);
        reporter.Summary(Result);

        Assert.Equal(SummaryText.Lines(Result, 4), sink.Out);
        Assert.Empty(sink.Error);
    }

    [Fact]
    public void Normal_ShowsProgressFramesButNotPlainOutput()
    {
        var sink = new RecordingSink();

        Feed(new MatrixReporter(sink, Verbosity.Normal, ["arch", "cachyos"]));

        Assert.Equal(["arch     started", "arch     [1/3] unit"], sink.Out);
        Assert.Empty(sink.Error);
    }

    [Fact]
    public void Verbose_StreamsStdoutAsWrittenWithTheTargetInFront()
    {
        var sink = new RecordingSink();

        Feed(new MatrixReporter(sink, Verbosity.Verbose, ["arch"]));

        Assert.Equal(["arch  started", "arch | PB> 1/3 unit", "arch | WARNING: plain  text kept"], sink.Out);
        Assert.Empty(sink.Error);
    }

    [Fact]
    public void Debug_StreamsStderrLiveOnStderr()
    {
        var sink = new RecordingSink();

        Feed(new MatrixReporter(sink, Verbosity.Debug, ["arch"]));

        Assert.Equal(["arch | error: on stderr"], sink.Error);
    }

    [Fact]
    public async Task TextLineSink_ParallelWriters_NeverSplitALine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var sink = new TextLineSink(output, error);
        var line = new string('x', 500);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            () =>
            {
                for (var n = 0; n < 200; n++)
                {
                    sink.WriteLine(OutputStream.Out, $"{i}:{line}");
                }
            },
            TestContext.Current.CancellationToken)));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1600, lines.Length);
        Assert.All(lines, l => Assert.EndsWith(":" + line, l, StringComparison.Ordinal));
    }

    private static void Feed(MatrixReporter reporter)
    {
        reporter.Target("arch", "started");
        reporter.Stdout("arch", "PB> 1/3 unit");
        reporter.Stdout("arch", "WARNING: plain  text kept");
        reporter.Stderr("arch", "error: on stderr");
    }
}

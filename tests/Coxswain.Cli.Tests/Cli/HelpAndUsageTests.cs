using Coxswain.Cli.Tests.Fakes;
using Xunit;

namespace Coxswain.Cli.Tests.Cli;

public sealed class HelpAndUsageTests
{
    [Fact]
    public async Task Help_Root_ListsDoctorTheHostOptionAndTheExitCodes()
    {
        var run = NewRun();

        var exitCode = await run.RunAsync("--help");

        Assert.Equal(0, exitCode);
        var help = run.Out.ToString();
        Assert.Contains("doctor", help, StringComparison.Ordinal);
        Assert.Contains("-H, --host <address>", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ok, 1 failure, 2 usage error, 3 no container engine answered.", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Doctor_DescribesTheCheckAndItsOptions()
    {
        var run = NewRun();

        var exitCode = await run.RunAsync("doctor", "--help");

        Assert.Equal(0, exitCode);
        var help = run.Out.ToString();
        Assert.Contains("doctor [options]", help, StringComparison.Ordinal);
        Assert.Contains("--json", help, StringComparison.Ordinal);
        Assert.Contains("--host", help, StringComparison.Ordinal);
        Assert.Contains("Leaves nothing behind", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var run = NewRun();

        var exitCode = await run.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("0.1.0", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_BesideAGlobalOption_PrintsTheVersionAndSucceeds()
    {
        var run = NewRun();

        var exitCode = await run.RunAsync("-H", "unix:///run/none.sock", "--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("0.1.0", run.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_WithAnUnknownArgument_IsAUsageErrorThatSaysWhy()
    {
        var run = NewRun();

        var exitCode = await run.RunAsync("--version", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("--bogus", run.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doctr")]
    [InlineData("doctor", "--bogus")]
    [InlineData("doctor", "--host")]
    [InlineData]
    public async Task UsageError_ExitsWith2AndSaysWhat(params string[] args)
    {
        var run = NewRun();

        var exitCode = await run.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.NotEqual("", run.Error.ToString());
    }

    private static CliRun NewRun() => new() { Engines = new FixedEngineConnector(new FakeEngineClient()) };
}

using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class SuiteLineParserTests
{
    [Theory]
    [InlineData("PASS unit", "unit", SuiteStatus.Pass, false)]
    [InlineData("FAIL integration tests", "integration tests", SuiteStatus.Fail, false)]
    [InlineData("XFAIL packaging", "packaging", SuiteStatus.Fail, true)]
    [InlineData("XPASS flaky-net", "flaky-net", SuiteStatus.Pass, true)]
    [InlineData("PASS\tunit  \r", "unit", SuiteStatus.Pass, false)]
    [InlineData("PASS    spaced name ", "spaced name", SuiteStatus.Pass, false)]
    public void ParseSuite_StandardLine_GivesNameStatusAndExpectation(string line, string name, SuiteStatus status, bool expected)
    {
        var suite = SuiteLineParser.ParseSuite(line);

        Assert.Equal(new SuiteResult(name, status, expected), suite);
    }

    [Theory]
    [InlineData("PASSED unit")]
    [InlineData(" PASS unit")]
    [InlineData("pass unit")]
    [InlineData("PASS")]
    [InlineData("PASS   ")]
    [InlineData("FAIL:unit")]
    [InlineData("test PASS unit")]
    [InlineData("")]
    public void ParseSuite_AnythingElse_IsNotASuite(string line)
    {
        Assert.Null(SuiteLineParser.ParseSuite(line));
    }

    [Fact]
    public void ParseAll_SuiteReportedTwice_KeepsItsLastResultInFirstPosition()
    {
        var suites = SuiteLineParser.ParseAll(["FAIL net", "noise", "PASS unit", "PASS net"]);

        Assert.Equal([new SuiteResult("net", SuiteStatus.Pass), new SuiteResult("unit", SuiteStatus.Pass)], suites);
    }

    [Theory]
    [InlineData("PB> 2/5 unit tests", "unit tests", 2, 5)]
    [InlineData("PB> 3/3", "", 3, 3)]
    [InlineData("PB>\t1/2\tbuild  ", "build", 1, 2)]
    public void ParseProgress_WithCounter_GivesStepTotalAndText(string line, string text, int step, int total)
    {
        Assert.Equal(new ProgressFrame(text, step, total), SuiteLineParser.ParseProgress(line));
    }

    [Theory]
    [InlineData("PB> compiling", "compiling")]
    [InlineData("PB> 6/5 too far", "6/5 too far")]
    [InlineData("PB> 1/0 none", "1/0 none")]
    [InlineData("PB>", "")]
    public void ParseProgress_WithoutValidCounter_KeepsTheTextWhole(string line, string text)
    {
        Assert.Equal(new ProgressFrame(text), SuiteLineParser.ParseProgress(line));
    }

    [Theory]
    [InlineData("PB>x")]
    [InlineData(" PB> a")]
    [InlineData("pb> a")]
    public void ParseProgress_NotAtColumnZeroOrGlued_IsNotAFrame(string line)
    {
        Assert.Null(SuiteLineParser.ParseProgress(line));
    }

    [Fact]
    public void ProgressFrame_ToString_ShowsCounterInBrackets()
    {
        Assert.Equal("[2/5] unit", new ProgressFrame("unit", 2, 5).ToString());
        Assert.Equal("just text", new ProgressFrame("just text").ToString());
    }
}

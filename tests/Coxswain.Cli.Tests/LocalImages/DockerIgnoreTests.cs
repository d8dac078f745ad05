using Coxswain.Engine;
using Xunit;

namespace Coxswain.Cli.Tests.LocalImages;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", "dir/a.log", false)]
    [InlineData("**/*.log", "dir/sub/a.log", true)]
    [InlineData("**/*.log", "a.log", true)]
    [InlineData("node_modules", "node_modules/x/y.js", true)]
    [InlineData("/node_modules", "node_modules", true)]
    [InlineData("build/", "build/out.o", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[!ab].txt", "c.txt", true)]
    [InlineData("[!ab].txt", "a.txt", false)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("./tmp", "tmp/x", true)]
    [InlineData("a/../b", "b", true)]
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    public void IsExcluded_Pattern_MatchesAsDockerDoes(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));
    }

    [Fact]
    public void IsExcluded_LaterExceptionReincludes_AndLaterExclusionWinsAgain()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\nREADME.md\n!docs\n");

        Assert.True(ignore.IsExcluded("CHANGES.md"));
        Assert.True(ignore.IsExcluded("README.md"));
        Assert.True(ignore.HasExceptions);
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndSpaces_AreIgnored()
    {
        var ignore = DockerIgnore.Parse("# comment\n\n   \n  *.tmp  \r\n!keep.tmp\n");

        Assert.Equal(["*.tmp", "!keep.tmp"], ignore.Patterns);
        Assert.False(ignore.IsExcluded("keep.tmp"));
        Assert.True(ignore.IsExcluded("x.tmp"));
    }
}

namespace Coxswain.Compose.Tests.Syntax;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512m", 512L * 1024 * 1024)]
    [InlineData("1g", 1024L * 1024 * 1024)]
    [InlineData("1G", 1024L * 1024 * 1024)]
    [InlineData("1gb", 1024L * 1024 * 1024)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    [InlineData("100k", 102_400)]
    [InlineData("1024b", 1024)]
    [InlineData("1024", 1024)]
    [InlineData("1.5g", 1536L * 1024 * 1024)]
    [InlineData("2t", 2L << 40)]
    public void TryParse_ValidSize_GivesBytes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var value, out var error), error);
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("12x")]
    [InlineData("m")]
    [InlineData("-1g")]
    [InlineData("1 g b x")]
    public void TryParse_BadSize_Fails(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _, out var error));
        Assert.Equal("expected a number of bytes or a number with a unit, like 512m, 1g, 100k or 1024b", error);
    }
}

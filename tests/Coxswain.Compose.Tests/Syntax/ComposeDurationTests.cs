namespace Coxswain.Compose.Tests.Syntax;

public sealed class ComposeDurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    public void TryParse_ValidDuration_GivesMilliseconds(string text, long milliseconds)
    {
        Assert.True(ComposeDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("2us", 20)]
    [InlineData("2µs", 20)]
    [InlineData("300ns", 3)]
    public void TryParse_SubMillisecondUnits_GivesTicks(string text, long ticks)
    {
        Assert.True(ComposeDuration.TryParse(text, out var value, out _));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("10", "missing unit after 10 (use ns, us, ms, s, m or h, e.g. \"10s\")")]
    [InlineData("10x", "unknown unit \"x\" (use ns, us, ms, s, m or h)")]
    [InlineData("-5s", "a duration cannot be negative or signed")]
    [InlineData("", "empty duration")]
    [InlineData("s", "expected a number with a unit, like 10s, 1m30s or 500ms")]
    public void TryParse_BadDuration_SaysWhy(string text, string expected)
    {
        Assert.False(ComposeDuration.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    [InlineData(3_600_000, "1h")]
    public void Format_Duration_IsShortestForm(long milliseconds, string expected) =>
        Assert.Equal(expected, ComposeDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Parse_BadDuration_ThrowsFormatExceptionNamingTheText() =>
        Assert.Equal("bad duration \"abc\": expected a number with a unit, like 10s, 1m30s or 500ms", Assert.Throws<FormatException>(() => ComposeDuration.Parse("abc")).Message);
}

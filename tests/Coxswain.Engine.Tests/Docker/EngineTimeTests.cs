using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class EngineTimeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("not a time")]
    public void Parse_NeverOrGarbage_IsNull(string? text)
    {
        Assert.Null(EngineTime.Parse(text));
    }

    [Fact]
    public void Parse_NineFractionDigits_KeepsTicksPrecision()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), EngineTime.Parse("2024-05-01T10:00:00.123456789Z"));
    }

    [Fact]
    public void Parse_Offset_IsConvertedToUtc()
    {
        var parsed = EngineTime.Parse("2024-05-01T12:00:00.5+02:00")!.Value;

        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.Zero), parsed);
    }

    [Fact]
    public void ToUnixSeconds_WritesNineFractionDigits()
    {
        Assert.Equal("1714557600.123456700", EngineTime.ToUnixSeconds(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567)));
        Assert.Equal("1714557600", EngineTime.ToUnixSeconds(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void FromUnix_PrefersNanoseconds()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714557600).AddTicks(1234567), EngineTime.FromUnix(1714557600, 1714557600_123456789));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714557600), EngineTime.FromUnix(1714557600, 0));
    }
}

using Xunit;

namespace Coxswain.Engine.Tests.Events;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(6, 6400)]
    [InlineData(7, 10_000)]
    [InlineData(1000, 10_000)]
    [InlineData(int.MaxValue, 10_000)]
    public void Delay_DoublesFromInitialUpToTheCap(int attempt, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), ReconnectBackoff.Delay(attempt, Initial, Max));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Delay_AttemptBelowOne_CountsAsFirst(int attempt)
    {
        Assert.Equal(Initial, ReconnectBackoff.Delay(attempt, Initial, Max));
    }

    [Fact]
    public void Delay_OtherMultiplier_IsUsed()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1800), ReconnectBackoff.Delay(3, Initial, Max, multiplier: 3));
        Assert.Equal(Initial, ReconnectBackoff.Delay(9, Initial, Max, multiplier: 1));
    }

    [Fact]
    public void Delay_InvalidInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(1, Max, Initial));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(1, Initial, Max, multiplier: 0.5));
    }
}

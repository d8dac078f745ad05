using Coxswain.Compose;
using Xunit;

namespace Coxswain.Stacks.Tests;

public sealed class HealthProbeTests
{
    [Fact]
    public void FromCompose_OnlyTest_AppliesComposeDefaults()
    {
        var probe = HealthProbe.FromCompose(new ServiceHealthcheck { Test = ["CMD", "pg_isready", "-U", "app"] });

        Assert.NotNull(probe);
        Assert.Equal(["pg_isready", "-U", "app"], probe.Command);
        Assert.Equal(TimeSpan.FromSeconds(30), probe.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), probe.Timeout);
        Assert.Equal(3, probe.Retries);
        Assert.Equal(TimeSpan.Zero, probe.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(5), probe.StartInterval);
        Assert.Null(probe.FirstProbeDelay);
    }

    [Fact]
    public void FromCompose_CmdShell_RunsBinShDashC()
    {
        var probe = HealthProbe.FromCompose(new ServiceHealthcheck
        {
            Test = ["CMD-SHELL", "wget -q -O- localhost:80 || exit 1"],
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 7,
            StartPeriod = TimeSpan.FromSeconds(20),
            StartInterval = TimeSpan.FromSeconds(1),
        });

        Assert.NotNull(probe);
        Assert.Equal(["/bin/sh", "-c", "wget -q -O- localhost:80 || exit 1"], probe.Command);
        Assert.Equal((5, 2, 7, 20, 1), ((int)probe.Interval.TotalSeconds, (int)probe.Timeout.TotalSeconds, probe.Retries, (int)probe.StartPeriod.TotalSeconds, (int)probe.StartInterval.TotalSeconds));
    }

    [Fact]
    public void FromCompose_ZeroTimings_TakeDefaultsAsDockerDoes()
    {
        var probe = HealthProbe.FromCompose(new ServiceHealthcheck { Test = ["CMD", "true"], Interval = TimeSpan.Zero, Retries = 0 });

        Assert.NotNull(probe);
        Assert.Equal(HealthProbe.DefaultInterval, probe.Interval);
        Assert.Equal(HealthProbe.DefaultRetries, probe.Retries);
    }

    public static TheoryData<ServiceHealthcheck?> NoProbe => new(
        null,
        new ServiceHealthcheck { Test = ["NONE"] },
        new ServiceHealthcheck { Test = ["CMD", "true"], Disabled = true },
        new ServiceHealthcheck { Interval = TimeSpan.FromSeconds(3) });

    [Theory]
    [MemberData(nameof(NoProbe))]
    public void FromCompose_NoRunnableTest_ReturnsNull(ServiceHealthcheck? healthcheck) =>
        Assert.Null(HealthProbe.FromCompose(healthcheck));

    [Theory]
    [InlineData("CMD")]
    [InlineData("CMD-SHELL")]
    [InlineData("SHELL", "true")]
    public void CommandFromTest_BadForm_ThrowsNamingTheForms(params string[] test)
    {
        var error = Assert.Throws<ArgumentException>(() => HealthProbe.CommandFromTest(test));

        Assert.Contains("is not one of [\"CMD\", args...], [\"CMD-SHELL\", \"command\"] or [\"NONE\"]", error.Message, StringComparison.Ordinal);
    }
}

using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Ping, version and info.</summary>
public abstract partial class EngineContract
{
    [Fact]
    public async Task Ping_EngineUp_Answers()
    {
        await Engine.PingAsync(Ct).Within();
    }

    [Fact]
    public async Task GetVersion_KindMatchesTheEngine()
    {
        var version = await Engine.GetVersionAsync(Ct).Within();

        Assert.Equal(Kind, version.Kind);
        Assert.False(string.IsNullOrWhiteSpace(version.Version), "the engine reports a version");
        Assert.False(string.IsNullOrWhiteSpace(version.ApiVersion), "the engine reports an API version");
    }

    [Fact]
    public async Task GetInfo_CountsIncludeThisTestsContainers()
    {
        await CreateAsync(Spec("counted", Sleeper));
        await RunAsync(Spec("running", Sleeper));

        var info = await Engine.GetInfoAsync(Ct).Within();

        Assert.True(info.Containers >= 2, $"info counts {info.Containers} containers; this test alone made 2");
        Assert.True(info.ContainersRunning >= 1, $"info counts {info.ContainersRunning} running containers; this test runs 1");
        Assert.True(info.Images >= 1, $"info counts {info.Images} images; busybox is there");
        Assert.True(info.Cpus > 0, $"info reports {info.Cpus} CPUs");
        Assert.True(info.MemoryBytes > 0, $"info reports {info.MemoryBytes} bytes of memory");
        Assert.False(string.IsNullOrWhiteSpace(info.ServerVersion), "info reports the server version");
    }
}

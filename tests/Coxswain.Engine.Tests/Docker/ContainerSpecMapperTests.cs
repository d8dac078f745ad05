using System.Text.Json;
using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class ContainerSpecMapperTests
{
    private static JsonElement Body(ContainerSpec spec) =>
        JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(ContainerSpecMapper.ToCreateBody(spec), EngineJsonContext.Default.ContainerCreateBody)).RootElement;

    [Fact]
    public void ToCreateBody_MinimalSpec_SendsImageAndLeavesDefaultsOut()
    {
        var body = Body(new ContainerSpec { Image = "app:1" });

        Assert.Equal("app:1", body.GetProperty("Image").GetString());
        foreach (var absent in new[] { "Cmd", "Entrypoint", "Env", "Labels", "ExposedPorts", "Healthcheck", "NetworkingConfig", "StopTimeout", "User" })
        {
            Assert.False(body.TryGetProperty(absent, out _), absent);
        }

        var host = body.GetProperty("HostConfig");
        Assert.False(host.TryGetProperty("Memory", out _));
        Assert.False(host.TryGetProperty("NetworkMode", out _));
        Assert.False(host.TryGetProperty("Mounts", out _));
    }

    [Fact]
    public void ToCreateBody_FullSpec_MapsEveryField()
    {
        var spec = new ContainerSpec
        {
            Name = "shop-web-1",
            Image = "app:1",
            Command = ["serve", "--port", "80"],
            Entrypoint = [],
            Environment = new Dictionary<string, string> { ["A"] = "1", ["B"] = "x=y" },
            Labels = new Dictionary<string, string> { ["io.coxswain.project"] = "shop" },
            WorkingDirectory = "/srv",
            User = "1000:1000",
            Hostname = "web",
            Tty = true,
            OpenStdin = true,
            ExposedPorts = ["9090", "53/udp"],
            Ports = [new PortBinding(80, 8080), new PortBinding(80, 8081, HostIp: "127.0.0.1"), new PortBinding(443)],
            Mounts =
            [
                new MountSpec(MountType.Bind, "/host/conf", "/etc/app", ReadOnly: true),
                new MountSpec(MountType.Volume, "data", "/var/lib/app") { VolumeLabels = new Dictionary<string, string> { ["k"] = "v" } },
                new MountSpec(MountType.Volume, null, "/cache"),
                new MountSpec(MountType.Tmpfs, null, "/tmp") { TmpfsSizeBytes = 1_048_576, TmpfsMode = Convert.ToInt32("1777", 8) },
            ],
            Networks = [new NetworkAttachment("shop_default", ["web", "www"]), new NetworkAttachment("shop_back", ["web"])],
            RestartPolicy = new RestartPolicy("on-failure", 3),
            Resources = new ResourceLimits { MemoryBytes = 64 << 20, MemoryReservationBytes = 32 << 20, MemorySwapBytes = -1, NanoCpus = 1_500_000_000, CpuShares = 512, PidsLimit = 100 },
            ReadOnlyRootFilesystem = true,
            CapAdd = ["NET_ADMIN"],
            CapDrop = ["ALL"],
            SecurityOptions = ["no-new-privileges:true"],
            StopSignal = "SIGINT",
            StopTimeout = TimeSpan.FromSeconds(2.5),
            Healthcheck = new HealthcheckSpec(["CMD-SHELL", "wget -q -O- localhost"]) { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMilliseconds(1500), Retries = 3, StartPeriod = TimeSpan.FromSeconds(10) },
            ExtraHosts = ["db:10.0.0.5"],
            Init = true,
        };

        var body = Body(spec);

        Assert.Equal(["serve", "--port", "80"], body.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, body.GetProperty("Entrypoint").GetArrayLength());
        Assert.Equal(["A=1", "B=x=y"], body.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("shop", body.GetProperty("Labels").GetProperty("io.coxswain.project").GetString());
        Assert.Equal("/srv", body.GetProperty("WorkingDir").GetString());
        Assert.Equal("1000:1000", body.GetProperty("User").GetString());
        Assert.Equal("web", body.GetProperty("Hostname").GetString());
        Assert.True(body.GetProperty("Tty").GetBoolean());
        Assert.True(body.GetProperty("OpenStdin").GetBoolean());
        Assert.Equal(["9090/tcp", "53/udp", "80/tcp", "443/tcp"], body.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Equal("SIGINT", body.GetProperty("StopSignal").GetString());
        Assert.Equal(3, body.GetProperty("StopTimeout").GetInt64());

        var health = body.GetProperty("Healthcheck");
        Assert.Equal(5_000_000_000, health.GetProperty("Interval").GetInt64());
        Assert.Equal(1_500_000_000, health.GetProperty("Timeout").GetInt64());
        Assert.Equal(10_000_000_000, health.GetProperty("StartPeriod").GetInt64());
        Assert.Equal(3, health.GetProperty("Retries").GetInt32());
        Assert.Equal(["CMD-SHELL", "wget -q -O- localhost"], health.GetProperty("Test").EnumerateArray().Select(e => e.GetString()));

        var host = body.GetProperty("HostConfig");
        Assert.Equal("shop_default", host.GetProperty("NetworkMode").GetString());
        var http = host.GetProperty("PortBindings").GetProperty("80/tcp");
        Assert.Equal("8080", http[0].GetProperty("HostPort").GetString());
        Assert.Equal("", http[0].GetProperty("HostIp").GetString());
        Assert.Equal("127.0.0.1", http[1].GetProperty("HostIp").GetString());
        Assert.Equal("", host.GetProperty("PortBindings").GetProperty("443/tcp")[0].GetProperty("HostPort").GetString());

        var mounts = host.GetProperty("Mounts");
        Assert.Equal("bind", mounts[0].GetProperty("Type").GetString());
        Assert.Equal("/host/conf", mounts[0].GetProperty("Source").GetString());
        Assert.True(mounts[0].GetProperty("ReadOnly").GetBoolean());
        Assert.Equal("volume", mounts[1].GetProperty("Type").GetString());
        Assert.Equal("v", mounts[1].GetProperty("VolumeOptions").GetProperty("Labels").GetProperty("k").GetString());
        Assert.False(mounts[2].TryGetProperty("Source", out _));
        Assert.Equal("tmpfs", mounts[3].GetProperty("Type").GetString());
        Assert.Equal(1_048_576, mounts[3].GetProperty("TmpfsOptions").GetProperty("SizeBytes").GetInt64());
        Assert.Equal(1023, mounts[3].GetProperty("TmpfsOptions").GetProperty("Mode").GetInt32());

        Assert.Equal("on-failure", host.GetProperty("RestartPolicy").GetProperty("Name").GetString());
        Assert.Equal(3, host.GetProperty("RestartPolicy").GetProperty("MaximumRetryCount").GetInt32());
        Assert.Equal(64 << 20, host.GetProperty("Memory").GetInt64());
        Assert.Equal(32 << 20, host.GetProperty("MemoryReservation").GetInt64());
        Assert.Equal(-1, host.GetProperty("MemorySwap").GetInt64());
        Assert.Equal(1_500_000_000, host.GetProperty("NanoCpus").GetInt64());
        Assert.Equal(512, host.GetProperty("CpuShares").GetInt64());
        Assert.Equal(100, host.GetProperty("PidsLimit").GetInt64());
        Assert.True(host.GetProperty("ReadonlyRootfs").GetBoolean());
        Assert.Equal("NET_ADMIN", host.GetProperty("CapAdd")[0].GetString());
        Assert.Equal("ALL", host.GetProperty("CapDrop")[0].GetString());
        Assert.Equal("no-new-privileges:true", host.GetProperty("SecurityOpt")[0].GetString());
        Assert.Equal("db:10.0.0.5", host.GetProperty("ExtraHosts")[0].GetString());
        Assert.True(host.GetProperty("Init").GetBoolean());

        var endpoints = body.GetProperty("NetworkingConfig").GetProperty("EndpointsConfig");
        Assert.Equal(["shop_default"], endpoints.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["web", "www"], endpoints.GetProperty("shop_default").GetProperty("Aliases").EnumerateArray().Select(e => e.GetString()));
    }
}

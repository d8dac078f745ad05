using System.Text.Json;
using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class ContainerMapperTests
{
    private const string InspectJson = """
        {
          "Id": "abc123",
          "Created": "2024-05-01T10:00:00.123456789Z",
          "Path": "sh",
          "Args": ["-c", "sleep 1"],
          "State": {
            "Status": "exited", "Running": false, "Paused": false, "OOMKilled": true, "Dead": false, "Pid": 0, "ExitCode": 137,
            "Error": "", "StartedAt": "2024-05-01T10:00:01Z", "FinishedAt": "2024-05-01T10:00:02.5Z",
            "Health": { "Status": "unhealthy", "FailingStreak": 4, "Log": [] }
          },
          "Image": "sha256:feed",
          "Name": "/shop-web-1",
          "RestartCount": 2,
          "HostConfig": { "Memory": 67108864 },
          "Config": {
            "Hostname": "abc123", "Tty": true, "Env": ["PATH=/bin", "A=1"], "Cmd": ["-c", "sleep 1"], "Image": "app:1",
            "Labels": { "io.coxswain.project": "shop" }
          },
          "NetworkSettings": {
            "Ports": { "80/tcp": [{ "HostIp": "0.0.0.0", "HostPort": "8080" }], "9090/tcp": null },
            "Networks": { "shop_default": { "NetworkID": "net1", "IPAddress": "172.18.0.2", "Aliases": ["web", "abc123"] } }
          }
        }
        """;

    [Fact]
    public void ToInfo_DockerInspectJson_MapsIdentityConfigStateNetworksAndPorts()
    {
        var dto = JsonSerializer.Deserialize(InspectJson, EngineJsonContext.Default.ContainerInspectDto)!;

        var info = ContainerMapper.ToInfo(dto);

        Assert.Equal("abc123", info.Id);
        Assert.Equal("shop-web-1", info.Name);
        Assert.Equal("app:1", info.Image);
        Assert.Equal("sha256:feed", info.ImageId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), info.Created);
        Assert.Equal("shop", info.Labels["io.coxswain.project"]);
        Assert.Equal(["PATH=/bin", "A=1"], info.Environment);
        Assert.Equal(["sh", "-c", "sleep 1"], info.Command);
        Assert.True(info.Tty);
        Assert.Equal(2, info.RestartCount);
        Assert.Equal(ContainerStatus.Exited, info.State.Status);
        Assert.Equal(137, info.State.ExitCode);
        Assert.True(info.State.OomKilled);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, TimeSpan.Zero), info.State.StartedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 2, 500, TimeSpan.Zero), info.State.FinishedAt);
        Assert.Equal(new HealthState("unhealthy", 4), info.State.Health);
        Assert.Equal("172.18.0.2", info.Networks["shop_default"].IPAddress);
        Assert.Equal(["web", "abc123"], info.Networks["shop_default"].Aliases);
        Assert.Equal([new PortBinding(80, 8080, "tcp", "0.0.0.0")], info.Ports);
        Assert.Equal(67108864, info.MemoryLimitBytes);
    }

    [Fact]
    public void ToInfo_NeverStarted_HasNullTimesAndNoHealth()
    {
        const string json = """{"Id":"x","Name":"/n","State":{"Status":"created","StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z"},"Config":{"Image":"i"}}""";

        var info = ContainerMapper.ToInfo(JsonSerializer.Deserialize(json, EngineJsonContext.Default.ContainerInspectDto)!);

        Assert.Equal(ContainerStatus.Created, info.State.Status);
        Assert.Null(info.State.StartedAt);
        Assert.Null(info.State.FinishedAt);
        Assert.Null(info.State.Health);
        Assert.Empty(info.Networks);
        Assert.Empty(info.Ports);
    }

    [Fact]
    public void ToSummary_ListJson_StripsSlashAndParsesState()
    {
        const string json = """[{"Id":"x","Names":["/shop-db-1"],"Image":"pg:16","State":"running","Status":"Up 3 minutes","Labels":{"a":"b"},"Created":1714557600}]""";

        var summary = ContainerMapper.ToSummary(JsonSerializer.Deserialize(json, EngineJsonContext.Default.ListContainerListItemDto)![0]);

        Assert.Equal("shop-db-1", summary.Name);
        Assert.Equal(ContainerStatus.Running, summary.Status);
        Assert.Equal("Up 3 minutes", summary.StatusText);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714557600), summary.Created);
        Assert.Equal("b", summary.Labels["a"]);
    }

    [Theory]
    [InlineData("created", ContainerStatus.Created)]
    [InlineData("configured", ContainerStatus.Created)]
    [InlineData("running", ContainerStatus.Running)]
    [InlineData("paused", ContainerStatus.Paused)]
    [InlineData("restarting", ContainerStatus.Restarting)]
    [InlineData("removing", ContainerStatus.Removing)]
    [InlineData("exited", ContainerStatus.Exited)]
    [InlineData("stopped", ContainerStatus.Exited)]
    [InlineData("dead", ContainerStatus.Dead)]
    public void ParseStatus_EngineWords_MapToStatus(string word, ContainerStatus expected)
    {
        Assert.Equal(expected, ContainerMapper.ParseStatus(word));
    }

    [Fact]
    public void ToEvent_DockerEventLine_KeepsFullActionAndNanosecondTime()
    {
        const string json = """{"status":"exec_start: sh -c true","id":"abc","Type":"container","Action":"exec_start: sh -c true","Actor":{"ID":"abc","Attributes":{"name":"web","execID":"e1"}},"scope":"local","time":1714557600,"timeNano":1714557600123456789}""";

        var engineEvent = SystemMapper.ToEvent(JsonSerializer.Deserialize(json, EngineJsonContext.Default.EventDto)!);

        Assert.Equal("container", engineEvent.Type);
        Assert.Equal("exec_start: sh -c true", engineEvent.Action);
        Assert.Equal("abc", engineEvent.ActorId);
        Assert.Equal("web", engineEvent.ActorName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714557600).AddTicks(1234567), engineEvent.Time);
    }

    [Fact]
    public void ToVersion_PodmanComponent_IsPodman()
    {
        const string json = """{"Platform":{"Name":"linux/amd64/debian-12"},"Components":[{"Name":"Podman Engine","Version":"4.3.1"}],"Version":"4.3.1","ApiVersion":"1.41","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}""";

        var version = SystemMapper.ToVersion(JsonSerializer.Deserialize(json, EngineJsonContext.Default.VersionDto)!);

        Assert.Equal(new EngineVersion(EngineKind.Podman, "4.3.1", "1.41", "1.24") { Os = "linux", Arch = "amd64" }, version);
    }

    [Fact]
    public void ToVersion_DockerEngine_IsDocker()
    {
        const string json = """{"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24"}],"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12"}""";

        Assert.Equal(EngineKind.Docker, SystemMapper.ToVersion(JsonSerializer.Deserialize(json, EngineJsonContext.Default.VersionDto)!).Kind);
    }
}

using System.Net;
using Coxswain.Engine.Tests.Support;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

/// <summary>Images, volumes and networks: pull, import, build, and the engines' differences in volume and network answers.</summary>
public sealed partial class DockerEngineClientTests
{
    [Fact]
    public async Task Pull_ErrorInProgressStream_IsNotFoundNamingTheImage()
    {
        const string progress = """
            {"status":"Pulling from library/nope","id":"1"}
            {"errorDetail":{"message":"manifest for nope:1 not found: manifest unknown: manifest unknown"},"error":"manifest for nope:1 not found: manifest unknown: manifest unknown"}
            """;
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, progress));
        await using var client = Client(handler);
        var messages = new List<ProgressMessage>();

        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => client.PullImageAsync("nope:1", new SyncProgress(messages), Token));

        Assert.Equal(("image", "nope:1"), (error.ResourceKind, error.Resource));
        Assert.Contains("pull image nope:1 failed", error.Message, StringComparison.Ordinal);
        Assert.Equal("/v1.41/images/create?fromImage=nope&tag=1", Assert.Single(handler.Requests).PathAndQuery);
        Assert.Equal("Pulling from library/nope", messages[0].Status);
    }

    [Fact]
    public async Task Import_DockerStatusLine_ReturnsTheImageId()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, "{\"status\":\"sha256:abc\"}\r\n"));
        await using var client = Client(handler);

        var id = await client.ImportImageAsync(new MemoryStream([1, 2, 3]), "cox-busybox:1", cancellationToken: Token);

        Assert.Equal("sha256:abc", id);
        Assert.Equal("/v1.41/images/create?fromSrc=-&repo=cox-busybox%3A1", Assert.Single(handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Build_AuxId_IsReturned_AndOptionsAreSent()
    {
        const string output = """
            {"stream":"Step 1/2 : FROM base\n"}
            {"aux":{"ID":"sha256:built"}}
            {"stream":"Successfully built built\n"}
            """;
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, output));
        await using var client = Client(handler);

        var id = await client.BuildImageAsync(new MemoryStream([0]), new BuildOptions { Tags = ["app:1", "app:latest"], BuildArgs = new Dictionary<string, string> { ["V"] = "1" }, NoCache = true, Target = "prod" }, cancellationToken: Token);

        Assert.Equal("sha256:built", id);
        var path = Assert.Single(handler.Requests).PathAndQuery;
        Assert.StartsWith("/v1.41/build?t=app%3A1&t=app%3Alatest&dockerfile=Dockerfile&buildargs=%7B%22V%22%3A%221%22%7D&target=prod&rm=1&forcerm=1&nocache=1", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ErrorLine_IsBuildExceptionWithTheLastLines()
    {
        const string output = """
            {"stream":"Step 2/2 : RUN false\n"}
            {"stream":" ---> Running in 1a2b\n"}
            {"stream":"about to fail\n"}
            {"errorDetail":{"code":1,"message":"The command '/bin/sh -c false' returned a non-zero code: 1"},"error":"The command '/bin/sh -c false' returned a non-zero code: 1"}
            """;
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, output)));

        var error = await Assert.ThrowsAsync<EngineBuildException>(() => client.BuildImageAsync(new MemoryStream([0]), new BuildOptions { Tags = ["app:1"] }, cancellationToken: Token));

        Assert.Equal("The command '/bin/sh -c false' returned a non-zero code: 1", error.Error);
        Assert.Equal(["Step 2/2 : RUN false", " ---> Running in 1a2b", "about to fail"], error.OutputTail);
    }

    [Fact]
    public async Task CreateVolume_PodmanConflictForExistingName_ReturnsTheExistingVolume()
    {
        var handler = new FakeHttpHandler(request => request.Method == HttpMethod.Post
            ? FakeHttpHandler.Json(HttpStatusCode.Conflict, """{"message":"volume with name data already exists: volume already exists"}""")
            : FakeHttpHandler.Json(HttpStatusCode.OK, """{"Name":"data","Driver":"local","Mountpoint":"/v/data","Labels":null}"""));
        await using var client = Client(handler);

        var volume = await client.CreateVolumeAsync(new VolumeSpec("data"), Token);

        Assert.Equal(("data", "local", "/v/data"), (volume.Name, volume.Driver, volume.Mountpoint));
        Assert.Equal("/v1.41/volumes/data", handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task ListVolumes_EngineOrsLabels_OnlyThoseWithAllLabelsAreReturned()
    {
        const string answer = """{"Volumes":[{"Name":"both","Labels":{"a":"1","b":"2"}},{"Name":"one","Labels":{"a":"1"}}]}""";
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, answer)));

        var volumes = await client.ListVolumesAsync(["a=1", "b=2"], Token);

        Assert.Equal(["both"], volumes.Select(v => v.Name));
    }

    [Fact]
    public async Task PruneVolumes_PodmanWithTwoLabels_RemovesOnlyUnusedOnesWithBoth()
    {
        const string list = """{"Volumes":[{"Name":"unused","Labels":{"a":"1","b":"2"}},{"Name":"used","Labels":{"a":"1","b":"2"}},{"Name":"one","Labels":{"a":"1"}}]}""";
        var handler = new FakeHttpHandler(request => (request.Method.Method, Path(request)) switch
        {
            (_, "/v1.41/version") => FakeHttpHandler.Json(HttpStatusCode.OK, """{"Components":[{"Name":"Podman Engine"}]}"""),
            ("GET", _) => FakeHttpHandler.Json(HttpStatusCode.OK, list),
            ("DELETE", "/v1.41/volumes/used") => FakeHttpHandler.Json(HttpStatusCode.Conflict, """{"message":"volume used is being used"}"""),
            ("DELETE", _) => FakeHttpHandler.Empty(HttpStatusCode.NoContent),
            var other => throw new InvalidOperationException(other.ToString()),
        });
        await using var client = Client(handler);

        var pruned = await client.PruneVolumesAsync(["a=1", "b=2"], Token);

        Assert.Equal(["unused"], pruned);
        Assert.DoesNotContain(handler.Requests, r => r.PathAndQuery.Contains("prune", StringComparison.Ordinal) || r.PathAndQuery.EndsWith("/one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoveNetwork_DockerForbiddenWhileInUse_IsConflict()
    {
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.Forbidden, """{"message":"error while removing network: network front id 1 has active endpoints"}""")));

        var error = await Assert.ThrowsAsync<EngineConflictException>(() => client.RemoveNetworkAsync("front", Token));

        Assert.StartsWith("remove network front failed: the engine answered 409 Conflict: error while removing network", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateNetwork_SendsCheckDuplicate()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.Created, """{"Id":"n1","Warning":""}"""));
        await using var client = Client(handler);

        Assert.Equal("n1", await client.CreateNetworkAsync(new NetworkSpec("front") { Labels = new Dictionary<string, string> { ["a"] = "b" } }, Token));

        Assert.Equal("""{"Name":"front","Driver":"bridge","Labels":{"a":"b"},"Internal":false,"Attachable":false,"CheckDuplicate":true}""", Assert.Single(handler.Requests).Body);
    }
}

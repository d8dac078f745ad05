using System.Net;
using System.Text;
using Coxswain.Engine.Tests.Support;
using Xunit;
using static Coxswain.Engine.Tests.Support.Frames;

namespace Coxswain.Engine.Tests.Docker;

/// <summary>The client's requests and answer handling, against an in-process fake HTTP handler.</summary>
public sealed partial class DockerEngineClientTests
{
    private const string Multiplexed = "application/vnd.docker.multiplexed-stream";
    private const string Raw = "application/vnd.docker.raw-stream";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DockerEngineClient Client(FakeHttpHandler handler) =>
        new(new EngineEndpoint("unix:///fake/docker.sock", "test"), null, handler);

    private static string Path(HttpRequestMessage request) => request.RequestUri!.PathAndQuery;

    [Fact]
    public async Task CreateStartWaitRemove_AreExactlyOneRequestEach()
    {
        var handler = new FakeHttpHandler(request => Path(request) switch
        {
            "/v1.41/containers/create?name=web-1" => FakeHttpHandler.Json(HttpStatusCode.Created, """{"Id":"c1","Warnings":null}"""),
            "/v1.41/containers/c1/start" => FakeHttpHandler.Empty(HttpStatusCode.NoContent),
            "/v1.41/containers/c1/wait?condition=not-running" => FakeHttpHandler.Json(HttpStatusCode.OK, """{"Error":null,"StatusCode":3}"""),
            "/v1.41/containers/c1" => FakeHttpHandler.Empty(HttpStatusCode.NoContent),
            var other => throw new InvalidOperationException(other),
        });
        await using var client = Client(handler);

        var created = await client.CreateContainerAsync(new ContainerSpec { Name = "web-1", Image = "app:1", Command = ["true"] }, Token);
        await client.StartContainerAsync(created.Id, Token);
        var exitCode = await client.WaitContainerAsync(created.Id, Token);
        await client.RemoveContainerAsync(created.Id, cancellationToken: Token);

        Assert.Equal("c1", created.Id);
        Assert.Empty(created.Warnings);
        Assert.Equal(3, exitCode);
        Assert.Equal([HttpMethod.Post, HttpMethod.Post, HttpMethod.Post, HttpMethod.Delete], handler.Requests.Select(r => r.Method));
        Assert.Contains("\"Cmd\":[\"true\"]", handler.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAndStop_304AlreadyInThatState_IsSuccess()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Empty(HttpStatusCode.NotModified));
        await using var client = Client(handler);

        await client.StartContainerAsync("web-1", Token);
        await client.StopContainerAsync("web-1", TimeSpan.FromSeconds(3), Token);

        Assert.Equal("/v1.41/containers/web-1/stop?t=3", handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Create_WithSeveralNetworks_GivesFirstToCreateAndConnectsTheOthers()
    {
        var handler = new FakeHttpHandler(request => Path(request).StartsWith("/v1.41/containers/create", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.Created, """{"Id":"c1"}""")
            : FakeHttpHandler.Empty(HttpStatusCode.OK));
        await using var client = Client(handler);

        await client.CreateContainerAsync(new ContainerSpec { Image = "app", Networks = [new NetworkAttachment("front", ["web"]), new NetworkAttachment("back", ["api"])] }, Token);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("/v1.41/networks/back/connect", handler.Requests[1].PathAndQuery);
        Assert.Equal("""{"Container":"c1","EndpointConfig":{"Aliases":["api"]}}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Create_SecondNetworkMissing_RemovesTheHalfMadeContainerAndThrows()
    {
        var handler = new FakeHttpHandler(request => Path(request) switch
        {
            var p when p.StartsWith("/v1.41/containers/create", StringComparison.Ordinal) => FakeHttpHandler.Json(HttpStatusCode.Created, """{"Id":"c1"}"""),
            "/v1.41/networks/back/connect" => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"network back not found"}"""),
            _ => FakeHttpHandler.Empty(HttpStatusCode.NoContent),
        });
        await using var client = Client(handler);

        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => client.CreateContainerAsync(new ContainerSpec { Image = "app", Networks = [new NetworkAttachment("front"), new NetworkAttachment("back")] }, Token));

        Assert.Equal(("network", "back"), (error.ResourceKind, error.Resource));
        Assert.Equal((HttpMethod.Delete, "/v1.41/containers/c1?force=1&v=1"), (handler.Requests[^1].Method, handler.Requests[^1].PathAndQuery));
    }

    [Fact]
    public async Task Inspect_Missing_IsNotFoundNamingTheContainer()
    {
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"No such container: web-1"}""")));

        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => client.InspectContainerAsync("web-1", Token));

        Assert.Equal("inspect container web-1 failed: the engine answered 404 NotFound: No such container: web-1", error.Message);
    }

    [Fact]
    public async Task GetLogs_MultiplexedContentType_DemultiplexesWithoutInspecting()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Bytes(Concat(Frame(1, "out\n"), Frame(2, "err\n")), Multiplexed));
        await using var client = Client(handler);

        var lines = await client.GetLogsAsync("web-1", new LogOptions { Tail = 10, Since = DateTimeOffset.FromUnixTimeSeconds(1714557600) }, Token).ToListAsync(Token);

        Assert.Equal([new LogLine(LogStream.Stdout, "out"), new LogLine(LogStream.Stderr, "err")], lines);
        Assert.Equal("/v1.41/containers/web-1/logs?stdout=1&stderr=1&follow=0&timestamps=0&tail=10&since=1714557600", Assert.Single(handler.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetLogs_ContentTypeDoesNotTell_InspectsTheContainerForTty(bool tty)
    {
        var log = tty ? Encoding.UTF8.GetBytes("one\r\ntwo\r\n") : Concat(Frame(1, "one\n"), Frame(1, "two\n"));
        var handler = new FakeHttpHandler(request => Path(request).Contains("/logs", StringComparison.Ordinal)
            ? FakeHttpHandler.Bytes(log, Raw)
            : FakeHttpHandler.Json(HttpStatusCode.OK, """{"Id":"c1","Name":"/web-1","Config":{"Tty":""" + (tty ? "true" : "false") + """},"State":{"Status":"running"}}"""));
        await using var client = Client(handler);

        var lines = await client.GetLogsAsync("web-1", cancellationToken: Token).ToListAsync(Token);

        Assert.Equal(["one", "two"], lines.Select(l => l.Text));
        Assert.Equal("/v1.41/containers/web-1/json", handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetEvents_ConnectionDropsMidStream_ThrowsUnavailableAfterTheEventsThatArrived()
    {
        var body = new FailingStream(Encoding.UTF8.GetBytes("""{"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"web"}},"time":1,"timeNano":1000000000}""" + "\n"));
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Stream(body)));
        var received = new List<EngineEvent>();

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(async () =>
        {
            await foreach (var engineEvent in client.GetEventsAsync(new EventFilter { Types = ["container"] }, Token))
            {
                received.Add(engineEvent);
            }
        });

        Assert.Equal("start", Assert.Single(received).Action);
        Assert.Contains("watch engine events: the connection dropped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvents_SendsSinceUntilAndFilters()
    {
        var handler = new FakeHttpHandler(request => Path(request) == "/v1.41/version"
            ? FakeHttpHandler.Json(HttpStatusCode.OK, """{"Components":[{"Name":"Engine"}],"Version":"20.10.24"}""")
            : FakeHttpHandler.Bytes([], "application/json"));
        await using var client = Client(handler);

        await client.GetEventsAsync(new EventFilter { Since = DateTimeOffset.FromUnixTimeSeconds(100), Until = DateTimeOffset.FromUnixTimeSeconds(200), Types = ["container"], Actions = ["die"] }, Token).ToListAsync(Token);

        Assert.Equal(
            "/v1.41/events?since=100&until=200&filters=" + Uri.EscapeDataString("""{"type":["container"],"event":["die"]}"""),
            handler.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task GetEvents_PodmanWithSinceAndUntil_AppliesUntilItself()
    {
        // Podman 4 answers nothing at all to since+until together.
        var handler = new FakeHttpHandler(request => Path(request) == "/v1.41/version"
            ? FakeHttpHandler.Json(HttpStatusCode.OK, """{"Components":[{"Name":"Podman Engine"}],"Version":"4.3.1"}""")
            : FakeHttpHandler.Json(HttpStatusCode.OK, """
                {"Type":"container","Action":"start","Actor":{"ID":"c1"},"time":150}
                {"Type":"container","Action":"die","Actor":{"ID":"c1"},"time":250}
                """));
        await using var client = Client(handler);

        var events = await client.GetEventsAsync(new EventFilter { Since = DateTimeOffset.FromUnixTimeSeconds(100), Until = DateTimeOffset.FromUnixTimeSeconds(200) }, Token).ToListAsync(Token);

        Assert.Equal(["start"], events.Select(e => e.Action));
        Assert.Equal("/v1.41/events?since=100&stream=false", handler.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task GetEvents_EndlessStreamEndsCleanly_ThrowsUnavailableRatherThanEndingSilently()
    {
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Bytes([], "application/json")));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.GetEventsAsync(cancellationToken: Token).ToListAsync(Token).AsTask());

        Assert.Contains("watch engine events: the engine ended the event stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvents_Podman_SendsOnlyTheTypeFilterAndFiltersTheRestItself()
    {
        const string events = """
            {"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"web","a":"1"}},"time":1}
            {"Type":"container","Action":"die","Actor":{"ID":"c1","Attributes":{"name":"web","a":"1"}},"time":2}
            {"Type":"container","Action":"die","Actor":{"ID":"c2","Attributes":{"name":"db"}},"time":3}
            """;
        var handler = new FakeHttpHandler(request => Path(request) == "/v1.41/version"
            ? FakeHttpHandler.Json(HttpStatusCode.OK, """{"Components":[{"Name":"Podman Engine"}]}""")
            : FakeHttpHandler.Json(HttpStatusCode.OK, events));
        await using var client = Client(handler);
        var received = new List<EngineEvent>();

        await Assert.ThrowsAsync<EngineUnavailableException>(async () =>
        {
            await foreach (var engineEvent in client.GetEventsAsync(new EventFilter { Types = ["container"], Actions = ["die"], Labels = ["a"] }, Token))
            {
                received.Add(engineEvent);
            }
        });

        Assert.Equal([("die", "c1")], received.Select(e => (e.Action, e.ActorId)));
        Assert.Equal("/v1.41/events?filters=" + Uri.EscapeDataString("""{"type":["container"]}"""), handler.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Exec_CreateStartInspect_DemultiplexesAndReadsExitCode()
    {
        var handler = new FakeHttpHandler(request => Path(request) switch
        {
            "/v1.41/containers/web-1/exec" => FakeHttpHandler.Json(HttpStatusCode.Created, """{"Id":"e1"}"""),
            "/v1.41/exec/e1/start" => FakeHttpHandler.Bytes(Concat(Frame(1, "hi\n"), Frame(2, "oops\n")), Raw),
            "/v1.41/exec/e1/json" => FakeHttpHandler.Json(HttpStatusCode.OK, """{"ID":"e1","Running":false,"ExitCode":7,"ProcessConfig":{"tty":false}}"""),
            var other => throw new InvalidOperationException(other),
        });
        await using var client = Client(handler);

        var result = await client.ExecAsync("web-1", new ExecSpec(["sh", "-c", "echo hi; echo oops >&2; exit 7"]) { User = "1000" }, TimeSpan.FromSeconds(10), cancellationToken: Token);

        Assert.Equal(new ExecResult(7, "hi\n", "oops\n"), result);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("""{"Detach":false,"Tty":false}""", handler.Requests[1].Body);
        Assert.Contains("\"User\":\"1000\"", handler.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_NotOk_IsUnavailable()
    {
        await using var client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.NotFound, "404 page not found")));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => client.PingAsync(Token));

        Assert.Contains("ping: GET /_ping answered 404 NotFound: not a container engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListContainers_SendsAllAndFilters()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, "[]"));
        await using var client = Client(handler);

        await client.ListContainersAsync(new ContainerListOptions { Labels = ["io.coxswain.project=shop"], Name = "web" }, Token);

        Assert.Equal(
            "/v1.41/containers/json?all=1&filters=" + Uri.EscapeDataString("""{"label":["io.coxswain.project=shop"],"name":["web"]}"""),
            Assert.Single(handler.Requests).PathAndQuery);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which a test would have to wait for).</summary>
    private sealed class SyncProgress(List<ProgressMessage> messages) : IProgress<ProgressMessage>
    {
        public void Report(ProgressMessage value) => messages.Add(value);
    }

    /// <summary>Gives its bytes, then fails the next read as a dropped connection would.</summary>
    private sealed class FailingStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : ValueTask.FromException<int>(new IOException("connection reset by peer"));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

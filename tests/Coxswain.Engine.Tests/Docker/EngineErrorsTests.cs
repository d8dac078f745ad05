using System.Net;
using System.Net.Sockets;
using Coxswain.Engine.Docker;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class EngineErrorsTests
{
    private static readonly EngineOperation StartWeb = EngineOperation.On("start", "container", "web-1");

    [Fact]
    public void FromStatus_404_IsNotFoundNamingKindAndResourceWithEngineMessage()
    {
        var error = EngineErrors.FromStatus(HttpStatusCode.NotFound, "{\"message\":\"No such container: web-1\"}", StartWeb);

        var notFound = Assert.IsType<EngineNotFoundException>(error);
        Assert.Equal("container", notFound.ResourceKind);
        Assert.Equal("web-1", notFound.Resource);
        Assert.Equal("No such container: web-1", notFound.EngineMessage);
        Assert.Equal("start container web-1 failed: the engine answered 404 NotFound: No such container: web-1", notFound.Message);
    }

    [Fact]
    public void FromStatus_409_IsConflict()
    {
        var error = EngineErrors.FromStatus(HttpStatusCode.Conflict, "{\"message\":\"Conflict. The container name \\\"/web-1\\\" is already in use\"}", EngineOperation.On("create", "container", "web-1"));

        var conflict = Assert.IsType<EngineConflictException>(error);
        Assert.StartsWith("create container web-1 failed: the engine answered 409 Conflict: Conflict. The container name \"/web-1\"", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStatus_OtherStatus_IsApiExceptionWithEngineMessage()
    {
        var error = EngineErrors.FromStatus(HttpStatusCode.BadRequest, "{\"message\":\"invalid reference format\"}", EngineOperation.On("pull", "image", "Bad"));

        Assert.Equal(typeof(EngineApiException), error.GetType());
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid reference format", error.EngineMessage);
    }

    [Fact]
    public void FromStatus_NonJsonBody_KeepsTheText()
    {
        var error = EngineErrors.FromStatus(HttpStatusCode.BadGateway, "upstream down\n", EngineOperation.General("ping"));

        Assert.Equal("upstream down", error.EngineMessage);
    }

    [Fact]
    public void FromStatus_EmptyBody_UsesTheStatus()
    {
        var error = EngineErrors.FromStatus(HttpStatusCode.ServiceUnavailable, "", EngineOperation.General("ping"));

        Assert.Equal("503 ServiceUnavailable", error.EngineMessage);
    }

    [Theory]
    [InlineData("can only kill running containers. abc is in state exited: container state improper", HttpStatusCode.Conflict)]
    [InlineData("container create: creating container storage: the container name \"x\" is already in use by abc. You have to remove that container to be able to reuse that name: that name is already in use", HttpStatusCode.Conflict)]
    [InlineData("\"net\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used", HttpStatusCode.Conflict)]
    [InlineData("network name n already used: network already exists", HttpStatusCode.Conflict)]
    [InlineData("container create: unable to find network with name or ID nope: network not found", HttpStatusCode.NotFound)]
    [InlineData("something else broke", null)]
    public void ClassifyServerError_PodmanCauses_MapToConflictOrNotFound(string message, HttpStatusCode? expected)
    {
        Assert.Equal(expected, EngineErrors.ClassifyServerError(message));
    }

    [Fact]
    public void FromStatus_Podman500ForMissingNetworkOnCreate_IsNotFoundNamingTheNetwork()
    {
        var operation = new EngineOperation("create container web-1", "image", "app:1");

        var error = EngineErrors.FromStatus(HttpStatusCode.InternalServerError, "{\"cause\":\"network not found\",\"message\":\"container create: unable to find network with name or ID backend: network not found\",\"response\":500}", operation);

        var notFound = Assert.IsType<EngineNotFoundException>(error);
        Assert.Equal("network", notFound.ResourceKind);
        Assert.Equal("backend", notFound.Resource);
    }

    [Theory]
    [InlineData("No such image: app:1", "image", "app:1")]
    [InlineData("no such image: docker.io/library/app:1: image not known", "image", "docker.io/library/app:1")]
    [InlineData("network backend not found", "network", "backend")]
    [InlineData("no container with name or ID \"web\" found: no such container", "container", "web")]
    [InlineData("get data: no such volume", "volume", "data")]
    [InlineData("No such exec instance: 0123", "exec", "0123")]
    public void Classify_EngineMessages_NameKindAndResource(string message, string kind, string resource)
    {
        Assert.Equal((kind, resource), EngineErrors.Classify(message));
    }

    [Fact]
    public void NotFound_CreateWithMissingImage_NamesTheImage()
    {
        var operation = new EngineOperation("create container web-1", "image", "app:1");

        var error = EngineErrors.NotFound(operation, "No such image: app:1");

        Assert.Equal(("image", "app:1"), (error.ResourceKind, error.Resource));
        Assert.Contains("create container web-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_ListsEndpointSourceOperationReasonAndHint()
    {
        var endpoint = new EngineEndpoint("unix:///run/docker.sock", "DOCKER_HOST");

        var error = EngineErrors.Unavailable(endpoint, StartWeb, "connection refused", "is dockerd running?");

        Assert.Equal(
            "no container engine answered. Tried:\n  - unix:///run/docker.sock (DOCKER_HOST): start container web-1: connection refused\nis dockerd running?",
            error.Message);
        Assert.Equal(endpoint, Assert.Single(error.Attempts).Endpoint);
    }

    [Fact]
    public void DescribeTransportFailure_ConnectFailure_UsesTheConnectorsReason()
    {
        var inner = new EngineConnectException("socket /x.sock does not exist", new SocketException((int)SocketError.AddressNotAvailable));
        var error = new HttpRequestException(HttpRequestError.ConnectionError, "wrapped", inner);

        Assert.Equal("socket /x.sock does not exist", EngineErrors.DescribeTransportFailure(error));
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded, "the connection closed without an answer (is this a container engine's socket?)")]
    [InlineData(HttpRequestError.InvalidResponse, "the answer was not HTTP (is this a container engine's socket?)")]
    public void DescribeTransportFailure_NotAnEngine_SaysSo(HttpRequestError kind, string expected)
    {
        Assert.Equal(expected, EngineErrors.DescribeTransportFailure(new HttpRequestException(kind, "x")));
    }
}

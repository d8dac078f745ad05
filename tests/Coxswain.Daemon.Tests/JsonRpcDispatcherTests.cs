using System.Text;
using System.Text.Json;
using Coxswain.Daemon.Rpc;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Coxswain.Daemon.Tests;

public sealed class JsonRpcDispatcherTests
{
    private static readonly RpcMethodTable Methods = new RpcMethodTable()
        .Add("app.echo", (p, _) => Task.FromResult<object?>(new { id = RpcParams.RequiredString(p, "id"), lines = RpcParams.OptionalInt(p, "lines", 1, 1000) }))
        .Add("app.fail", (_, _) => throw new RpcException(-32006, "install of demo failed: web exited (code 3)", new { rolledBack = new[] { "demo-web-1" } }))
        .Add("app.bug", (_, _) => throw new InvalidOperationException("the store is closed"))
        .Alias("package.echo", "app.echo");

    private static async Task<JsonElement?> CallAsync(string body)
    {
        var answer = await new JsonRpcDispatcher(Methods, NullLogger.Instance).DispatchAsync(Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);
        return answer is null ? null : JsonDocument.Parse(answer).RootElement.Clone();
    }

    [Fact]
    public async Task Dispatch_Call_AnswersTheResultWithTheSameId()
    {
        var answer = (await CallAsync("""{"jsonrpc":"2.0","method":"app.echo","params":{"id":"demo","lines":5},"id":7}"""))!.Value;

        Assert.Equal("""{"jsonrpc":"2.0","result":{"id":"demo","lines":5},"id":7}""", answer.GetRawText());
    }

    [Fact]
    public async Task Dispatch_Alias_RunsTheSameMethod()
    {
        var answer = (await CallAsync("""{"jsonrpc":"2.0","method":"package.echo","params":{"id":"demo"},"id":"a"}"""))!.Value;

        Assert.Equal("demo", answer.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal("a", answer.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Dispatch_Notification_RunsAndAnswersNothing()
    {
        Assert.Null(await CallAsync("""{"jsonrpc":"2.0","method":"app.echo","params":{"id":"demo"}}"""));
    }

    [Fact]
    public async Task Dispatch_Batch_AnswersEveryCallButNotTheNotifications()
    {
        var answer = (await CallAsync("""[{"jsonrpc":"2.0","method":"app.echo","params":{"id":"a"},"id":1},{"jsonrpc":"2.0","method":"app.echo","params":{"id":"b"}},{"jsonrpc":"2.0","method":"nope","id":3}]"""))!.Value;

        Assert.Equal(2, answer.GetArrayLength());
        Assert.Equal(1, answer[0].GetProperty("id").GetInt32());
        Assert.Equal(RpcErrorCodes.MethodNotFound, answer[1].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("{not json", RpcErrorCodes.ParseError, "the body is not JSON")]
    [InlineData("""{"method":"app.echo","id":1}""", RpcErrorCodes.InvalidRequest, "\"jsonrpc\": \"2.0\"")]
    [InlineData("[]", RpcErrorCodes.InvalidRequest, "an empty batch")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.echo","id":{"x":1}}""", RpcErrorCodes.InvalidRequest, "\"id\" must be")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.nope","id":1}""", RpcErrorCodes.MethodNotFound, "no method app.nope; the methods are: app.bug, app.echo, app.fail, package.echo")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.echo","params":{},"id":1}""", RpcErrorCodes.InvalidParams, "params.id is required")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.echo","params":{"id":"x","lines":0},"id":1}""", RpcErrorCodes.InvalidParams, "params.lines must be a whole number from 1 to 1000")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.echo","params":[1],"id":1}""", RpcErrorCodes.InvalidParams, "params must be an object")]
    [InlineData("""{"jsonrpc":"2.0","method":"app.bug","id":1}""", RpcErrorCodes.InternalError, "app.bug failed: InvalidOperationException: the store is closed")]
    public async Task Dispatch_BadRequest_AnswersTheMatchingError(string body, int code, string message)
    {
        var error = (await CallAsync(body))!.Value.GetProperty("error");

        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_MethodError_CarriesItsData()
    {
        var error = (await CallAsync("""{"jsonrpc":"2.0","method":"app.fail","id":1}"""))!.Value.GetProperty("error");

        Assert.Equal(-32006, error.GetProperty("code").GetInt32());
        Assert.Equal("demo-web-1", error.GetProperty("data").GetProperty("rolledBack")[0].GetString());
    }

    [Fact]
    public void Add_SameNameTwice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RpcMethodTable().Add("a", (_, _) => Task.FromResult<object?>(null)).Add("a", (_, _) => Task.FromResult<object?>(null)));

        Assert.Contains("registered twice", ex.Message, StringComparison.Ordinal);
    }
}

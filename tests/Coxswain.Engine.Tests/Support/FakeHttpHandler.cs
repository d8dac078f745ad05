using System.Net;
using System.Text;

namespace Coxswain.Engine.Tests.Support;

/// <summary>Answers HTTP requests in-process from a function, and records what was asked.</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpMethod Method, string PathAndQuery, string? Body)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Bytes(byte[] body, string mediaType) =>
        new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) { Headers = { ContentType = new(mediaType) } } };

    public static HttpResponseMessage Stream(Stream body, string mediaType = "application/json") =>
        new(HttpStatusCode.OK) { Content = new StreamContent(body) { Headers = { ContentType = new(mediaType) } } };

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
        }

        return respond(request);
    }
}

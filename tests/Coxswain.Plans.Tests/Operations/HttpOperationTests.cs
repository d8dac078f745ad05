using System.Net;
using System.Net.Sockets;
using Coxswain.Plans.Operations;

namespace Coxswain.Plans.Tests.Operations;

public sealed class HttpOperationTests
{
    [Fact]
    public async Task Http_ExpectedStatus_Unchanged()
    {
        using var server = new TinyHttpServer(200, "ok: ready");
        var plan = new Plan();
        plan.Task("health", new HttpOperation(server.Url, bodyContains: "ready"));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Unchanged, report["health"].Status);
        Assert.Equal($"GET {server.Url}: 200", report["health"].Message);
    }

    [Fact]
    public async Task Http_OtherStatus_FailsNamingTaskAndStatus()
    {
        using var server = new TinyHttpServer(503, "starting");
        var plan = new Plan();
        plan.Task("health", new HttpOperation(server.Url));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Failed, report["health"].Status);
        Assert.Equal($"Task 'health': GET {server.Url} answered 503 Service Unavailable, expected 200.", report["health"].Error);
    }

    [Fact]
    public async Task Http_NothingListening_FailsNamingTask()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var plan = new Plan();
        plan.Task("health", new HttpOperation(new Uri($"http://127.0.0.1:{port}/health")));

        var report = await plan.RunAsync(Drive.Token).Bounded();

        Assert.Equal(PlanTaskStatus.Failed, report["health"].Status);
        Assert.StartsWith($"Task 'health': GET http://127.0.0.1:{port}/health failed: ", report["health"].Error, StringComparison.Ordinal);
    }

    /// <summary>Answers every request on a loopback port with one status and body.</summary>
    private sealed class TinyHttpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public TinyHttpServer(int status, string body)
        {
            listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/health");
            _ = ServeAsync(status, body);
        }

        public Uri Url { get; }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task ServeAsync(int status, string body)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    _ = await stream.ReadAsync(buffer, stop.Token);
                    var reason = status == 200 ? "OK" : "Service Unavailable";
                    var response = $"HTTP/1.1 {status} {reason}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                    await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(response), stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }
    }
}

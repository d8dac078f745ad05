using System.Net.Sockets;
using System.Text;

namespace Coxswain.Engine.Tests.Support;

/// <summary>A tiny server on a unix socket in /tmp that hands every accepted connection to a handler: enough to play a
/// container engine, or a socket that is not one.</summary>
internal sealed class UnixSocketServer : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private int connections;

    public UnixSocketServer(Func<Socket, CancellationToken, Task> handle)
    {
        Path = $"/tmp/cox-client-test-{Guid.NewGuid():N}.sock";
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen(16);
        acceptLoop = Task.Run(async () =>
        {
            var handlers = new List<Task>();
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                    handlers.Add(Task.Run(async () =>
                    {
                        using (socket)
                        {
                            try
                            {
                                await handle(socket, stop.Token);
                            }
                            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
                            {
                                // The client went away or the test ended.
                            }
                        }
                    }));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }

            await Task.WhenAll(handlers);
        });
    }

    public string Path { get; }

    public EngineEndpoint Endpoint => new($"unix://{Path}", "test server");

    public int Connections => Volatile.Read(ref connections);

    /// <summary>Reads one HTTP request's head (up to the blank line); null when the client closed first.</summary>
    public static async Task<string?> ReadRequestHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>Answers every request on the connection with 200 and <paramref name="body"/> (keep-alive).</summary>
    public static Func<Socket, CancellationToken, Task> AlwaysAnswer(string body, string contentType = "text/plain") => async (socket, ct) =>
    {
        while (await ReadRequestHeadAsync(socket, ct) is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head), ct);
            await socket.SendAsync(bytes, ct);
        }
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        await acceptLoop.WaitAsync(TimeSpan.FromSeconds(5));
        stop.Dispose();
        File.Delete(Path);
    }
}

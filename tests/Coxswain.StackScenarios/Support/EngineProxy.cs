using System.Net.Sockets;

namespace Coxswain.StackScenarios;

/// <summary>
/// A unix-socket relay in front of a real engine's socket, so a scenario can make the engine "go away" for a client
/// mid-operation (<see cref="Cut"/>: every connection dropped, new ones refused) and come back (<see cref="Restore"/>)
/// without stopping an engine other scenarios use.
/// </summary>
public sealed class EngineProxy : IAsyncDisposable
{
    private readonly string _target;
    private readonly List<Socket> _open = [];
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    /// <summary>Starts relaying <paramref name="path"/> to the engine socket <paramref name="target"/>.</summary>
    public EngineProxy(string path, string target)
    {
        Path = path;
        _target = target;
        Restore();
    }

    /// <summary>The relay's socket.</summary>
    public string Path { get; }

    /// <summary>The relay as an engine address for <c>cox -H</c>.</summary>
    public string Address => "unix://" + Path;

    /// <summary>Drops every relayed connection and stops accepting: the engine is gone for the client.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
            foreach (var socket in _open)
            {
                socket.Dispose();
            }

            _open.Clear();
        }

        File.Delete(Path);
    }

    /// <summary>Accepts connections again.</summary>
    public void Restore()
    {
        File.Delete(Path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen(64);
        lock (_gate)
        {
            _listener = listener;
        }

        _accepting = AcceptAsync(listener);
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_target));
            }
            catch (SocketException)
            {
                client.Dispose();
                engine.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(client);
                _open.Add(engine);
            }

            _ = PumpAsync(client, engine);
            _ = PumpAsync(engine, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            from.Dispose();
            to.Dispose();
        }
    }
}

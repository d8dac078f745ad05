using System.Net.Sockets;

namespace Coxswain.Stacks;

/// <summary>Ready when a TCP connection to <paramref name="port"/> on <paramref name="host"/> (a published port on this machine) succeeds.</summary>
/// <param name="port">The host port.</param>
/// <param name="host">The address to connect to; 127.0.0.1 by default.</param>
public sealed class PortOpen(int port, string host = "127.0.0.1") : IWaitCondition
{
    /// <summary>How long one connection attempt may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public string Description => $"listening on {host}:{port}";

    /// <inheritdoc />
    public bool ExpectsExit => false;

    /// <inheritdoc />
    public async ValueTask<WaitCheck> CheckAsync(WaitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var attempt = new CancellationTokenSource(ConnectTimeout, context.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            return WaitCheck.Ready();
        }
        catch (SocketException e)
        {
            return WaitCheck.Pending($"connecting to {host}:{port} failed: {e.SocketErrorCode}");
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return WaitCheck.Pending($"connecting to {host}:{port} took longer than {ConnectTimeout.TotalSeconds} s");
        }
    }
}

using System.Net.Sockets;
using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>Waits until a TCP port accepts connections (from this host).</summary>
/// <param name="host">The host name or address.</param>
/// <param name="port">The port.</param>
public sealed class PortOpenCondition(string host, int port) : WaitCondition
{
    /// <inheritdoc />
    public override string Description => $"port {host}:{port} open";

    /// <inheritdoc />
    public override bool NeedsEngine => false;

    /// <inheritdoc />
    public override async Task<WaitCheck> CheckAsync(IEngineClient? engine, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return WaitCheck.Met("accepting connections");
        }
        catch (SocketException ex)
        {
            return WaitCheck.NotYet(ex.Message);
        }
    }
}

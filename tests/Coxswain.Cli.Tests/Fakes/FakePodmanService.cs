using Coxswain.Engine;

namespace Coxswain.Cli.Tests.Fakes;

internal sealed class FakePodmanService(string socketPath) : IPodmanService
{
    public string SocketPath { get; } = socketPath;

    public int? ProcessId { get; set; } = 4242;

    public bool HasExited { get; set; }

    public int? ExitCode { get; set; }

    public string RecentOutput { get; set; } = "";

    public bool Disposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

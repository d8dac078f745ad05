namespace Coxswain.Engine;

/// <summary>A running <c>podman system service</c>. Disposing it stops the service and removes its socket.</summary>
public interface IPodmanService : IAsyncDisposable
{
    /// <summary>The socket the service listens on.</summary>
    string SocketPath { get; }

    /// <summary>The service's process id, when it is a real process.</summary>
    int? ProcessId { get; }

    /// <summary>True once the service process has ended (it failed to start, or was stopped).</summary>
    bool HasExited { get; }

    /// <summary>The process's exit code once it has ended.</summary>
    int? ExitCode { get; }

    /// <summary>The last lines the service printed, for error messages.</summary>
    string RecentOutput { get; }
}

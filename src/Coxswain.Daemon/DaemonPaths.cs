namespace Coxswain.Daemon;

/// <summary>
/// Default places of the daemon's state, socket and catalog. Root: <c>/var/lib/coxswain</c> and
/// <c>/run/coxswain/cox.sock</c>. Another user: <c>$XDG_STATE_HOME/coxswain</c> (else <c>~/.local/state/coxswain</c>)
/// and <c>$XDG_RUNTIME_DIR/coxswain/cox.sock</c> (else the socket sits in the data folder). <c>COX_DATA_DIR</c> and
/// <c>COX_DAEMON_SOCKET</c> override both, for the daemon and for the commands that call it.
/// </summary>
/// <param name="getVariable">Reads an environment variable.</param>
/// <param name="isRoot">Whether the process runs as root.</param>
public sealed class DaemonPaths(Func<string, string?> getVariable, bool isRoot)
{
    /// <summary>The defaults for this process.</summary>
    public static DaemonPaths Current { get; } = new(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess);

    /// <summary>The data folder.</summary>
    public string DataDirectory =>
        Set("COX_DATA_DIR")
        ?? (isRoot ? "/var/lib/coxswain"
            : Path.Combine(Set("XDG_STATE_HOME") ?? Path.Combine(Set("HOME") ?? Path.GetTempPath(), ".local", "state"), "coxswain"));

    /// <summary>The API socket for a daemon whose data folder is <paramref name="dataDirectory"/> (null: the default one).</summary>
    public string SocketPath(string? dataDirectory = null) =>
        Set("COX_DAEMON_SOCKET")
        ?? (isRoot ? "/run/coxswain/cox.sock"
            : Set("XDG_RUNTIME_DIR") is { } runtime ? Path.Combine(runtime, "coxswain", "cox.sock")
            : Path.Combine(dataDirectory ?? DataDirectory, "cox.sock"));

    /// <summary>The app catalog of a daemon whose data folder is <paramref name="dataDirectory"/>.</summary>
    public static string CatalogDirectory(string dataDirectory) => Path.Combine(dataDirectory, "catalog");

    private string? Set(string name) => getVariable(name) is { Length: > 0 } value ? value : null;
}

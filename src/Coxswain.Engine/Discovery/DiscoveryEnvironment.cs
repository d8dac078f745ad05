using System.Globalization;

namespace Coxswain.Engine;

/// <summary>Everything <see cref="EngineDiscovery"/> reads from the machine: environment variables, the PATH lookup,
/// whether a path exists, and the well-known socket paths. Tests replace any of it; <see cref="System"/> is the real machine.</summary>
public sealed record DiscoveryEnvironment
{
    /// <summary>Where Docker listens by default.</summary>
    public const string DefaultDockerSocketPath = "/var/run/docker.sock";

    /// <summary>Where a rootful Podman API service listens by default.</summary>
    public const string DefaultPodmanRootfulSocketPath = "/run/podman/podman.sock";

    private static readonly Lazy<string> CurrentUserId = new(ReadUserId);

    /// <summary>The real machine: process environment, real file system, the current user.</summary>
    public static DiscoveryEnvironment System { get; } = new();

    /// <summary>Reads an environment variable (null when unset). Also the source of <c>PATH</c> and <c>XDG_RUNTIME_DIR</c>.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Finds an executable by name and returns its full path, or null. When null, <see cref="ResolveExecutable"/>
    /// searches the directories of <c>PATH</c> as read through <see cref="GetVariable"/>.</summary>
    public Func<string, string?>? FindExecutable { get; init; }

    /// <summary>Whether a file, socket or directory exists at a path.</summary>
    public Func<string, bool> PathExists { get; init; } = static path => File.Exists(path) || Directory.Exists(path);

    /// <summary>The default Docker socket (default <see cref="DefaultDockerSocketPath"/>).</summary>
    public string DockerSocketPath { get; init; } = DefaultDockerSocketPath;

    /// <summary>Podman's rootful socket (default <see cref="DefaultPodmanRootfulSocketPath"/>).</summary>
    public string PodmanRootfulSocketPath { get; init; } = DefaultPodmanRootfulSocketPath;

    /// <summary>The sockets of the private engines that <c>scripts/engines.sh start</c> runs (Docker, then Podman), tried last.</summary>
    public IReadOnlyList<string> ScriptEngineSocketPaths { get; init; } = ["/run/cox-test/docker.sock", "/run/cox-test/podman.sock"];

    /// <summary>Folder for the private Podman socket when <c>XDG_RUNTIME_DIR</c> is not set (default <c>/tmp</c>).</summary>
    public string TempDirectory { get; init; } = "/tmp";

    /// <summary>The user id, used to name private folders (default: the real uid, or the user name when unreadable).</summary>
    public string UserId { get; init; } = CurrentUserId.Value;

    /// <summary>This process's id, used to name the private Podman socket so concurrent cox processes do not collide.</summary>
    public int ProcessId { get; init; } = Environment.ProcessId;

    /// <summary>An environment whose variables are exactly <paramref name="variables"/>; everything else is the real machine's.</summary>
    public static DiscoveryEnvironment FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new DiscoveryEnvironment { GetVariable = name => variables.TryGetValue(name, out var value) ? value : null };
    }

    /// <summary>Full path of executable <paramref name="name"/> through <see cref="FindExecutable"/> or <c>PATH</c>, or null.</summary>
    public string? ResolveExecutable(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (FindExecutable is { } find)
        {
            return find(name);
        }

        var path = GetVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The rootless Podman socket, <c>$XDG_RUNTIME_DIR/podman/podman.sock</c>, or null when the variable is unset.</summary>
    public string? PodmanRootlessSocketPath =>
        GetVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtimeDir ? Path.Combine(runtimeDir, "podman", "podman.sock") : null;

    /// <summary>Where a Podman service started by discovery listens: <c>$XDG_RUNTIME_DIR/cox/podman-&lt;pid&gt;.sock</c>,
    /// or <c>/tmp/cox-podman-&lt;uid&gt;/podman-&lt;pid&gt;.sock</c> when <c>XDG_RUNTIME_DIR</c> is unset.</summary>
    public string PrivatePodmanSocketPath
    {
        get
        {
            var directory = GetVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtimeDir
                ? Path.Combine(runtimeDir, "cox")
                : Path.Combine(TempDirectory, "cox-podman-" + UserId);
            return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"podman-{ProcessId}.sock"));
        }
    }

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    private static string ReadUserId()
    {
        try
        {
            // "Uid:\t<real>\t<effective>\t<saved>\t<fs>" in /proc/self/status (Linux).
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var fields = line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length > 1)
                    {
                        return fields[1];
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Environment.UserName;
    }
}

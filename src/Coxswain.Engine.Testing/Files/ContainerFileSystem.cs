namespace Coxswain.Engine.Testing;

/// <summary>
/// The files a process sees: the container's own writable layer (kept across restarts, gone with the container), named
/// and anonymous volumes (shared by every container that mounts them), tmpfs mounts (emptied at each start) and bind
/// mounts (the host's files, read and written through). Read-only mounts and a read-only root refuse writes with
/// <see cref="IOException"/> "Read-only file system". The image's own files are not modelled beyond a few standard ones
/// (<c>/etc/hostname</c>, <c>/etc/hosts</c>, <c>/etc/passwd</c>, <c>/bin/sh</c>, ...).
/// </summary>
public sealed class ContainerFileSystem
{
    private static readonly string[] StandardDirectories = ["/", "/bin", "/dev", "/etc", "/home", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/usr/bin", "/var", "/var/tmp", "/var/www"];
    private static readonly string[] StandardFiles = ["/bin/sh", "/bin/busybox", "/dev/null"];
    private const string Passwd = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";

    private readonly IReadOnlyList<(string Target, IFileArea Area, bool ReadOnly)> _mounts;
    private readonly IFileArea _layer;
    private readonly bool _readOnlyRoot;
    private readonly string _hostname;
    private readonly string _workingDirectory;

    internal ContainerFileSystem(IReadOnlyList<(string Target, IFileArea Area, bool ReadOnly)> mounts, IFileArea layer, bool readOnlyRoot, string hostname, string? workingDirectory)
    {
        _mounts = mounts.OrderByDescending(m => m.Target.Length).ToList();
        _layer = layer;
        _readOnlyRoot = readOnlyRoot;
        _hostname = hostname;
        _workingDirectory = string.IsNullOrEmpty(workingDirectory) ? "/" : workingDirectory;
    }

    /// <summary>The file's text, or null when there is no such file.</summary>
    public string? ReadAllText(string path)
    {
        var full = FullPath(path);
        var (area, key, _) = Locate(full);
        return area.Read(key) ?? (area == _layer ? StandardContent(full) : null);
    }

    /// <summary>Creates or replaces a file.</summary>
    /// <exception cref="IOException">When the path is on a read-only mount or root.</exception>
    public void WriteAllText(string path, string text) => Write(path, text, append: false);

    /// <summary>Appends to a file, creating it when missing.</summary>
    /// <exception cref="IOException">When the path is on a read-only mount or root.</exception>
    public void AppendAllText(string path, string text) => Write(path, text, append: true);

    /// <summary>Whether a file exists at the path.</summary>
    public bool FileExists(string path)
    {
        var full = FullPath(path);
        var (area, key, _) = Locate(full);
        return area.IsFile(key) || (area == _layer && (StandardContent(full) is not null || StandardFiles.Contains(full)));
    }

    /// <summary>Whether a directory exists at the path (standard directories, mount points, and parents of files).</summary>
    public bool DirectoryExists(string path)
    {
        var full = FullPath(path);
        var (area, key, _) = Locate(full);
        return area.IsDirectory(key) || StandardDirectories.Contains(full) || _mounts.Any(m => m.Target == full || m.Target.StartsWith(full + "/", StringComparison.Ordinal));
    }

    /// <summary>Creates a directory (and its parents).</summary>
    /// <exception cref="IOException">When the path is on a read-only mount or root.</exception>
    public void CreateDirectory(string path)
    {
        var (area, key, readOnly) = Locate(FullPath(path));
        if (readOnly)
        {
            throw new IOException("Read-only file system");
        }

        area.CreateDirectory(key);
    }

    /// <summary>Deletes a file; false when there was none.</summary>
    /// <exception cref="IOException">When the path is on a read-only mount or root.</exception>
    public bool Delete(string path)
    {
        var full = FullPath(path);
        var (area, key, readOnly) = Locate(full);
        if (readOnly && area.IsFile(key))
        {
            throw new IOException("Read-only file system");
        }

        return area.Delete(key);
    }

    /// <summary>The directory relative paths start from.</summary>
    public string WorkingDirectory => _workingDirectory;

    /// <summary>The same files seen from another working directory (a shell's <c>cd</c>).</summary>
    internal ContainerFileSystem WithWorkingDirectory(string directory) => new(_mounts, _layer, _readOnlyRoot, _hostname, FullPath(directory));

    /// <summary>An absolute, normalised path ("a/../b" from /w is "/w/b").</summary>
    public string FullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var combined = path.StartsWith('/') ? path : $"{_workingDirectory.TrimEnd('/')}/{path}";
        var parts = new List<string>();
        foreach (var part in combined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    private void Write(string path, string text, bool append)
    {
        var (area, key, readOnly) = Locate(FullPath(path));
        if (readOnly)
        {
            throw new IOException("Read-only file system");
        }

        area.Write(key, text, append);
    }

    private (IFileArea Area, string Key, bool ReadOnly) Locate(string full)
    {
        foreach (var (target, area, readOnly) in _mounts)
        {
            if (full == target)
            {
                return (area, "", readOnly);
            }

            if (full.StartsWith(target + "/", StringComparison.Ordinal))
            {
                return (area, full[(target.Length + 1)..], readOnly);
            }
        }

        return (_layer, full.TrimStart('/'), _readOnlyRoot);
    }

    private string? StandardContent(string full) => full switch
    {
        "/etc/hostname" => _hostname + "\n",
        "/etc/hosts" => $"127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t{_hostname}\n",
        "/etc/passwd" => Passwd,
        "/etc/group" => "root:x:0:\nnobody:x:65534:\nnogroup:x:65534:\n",
        _ => null,
    };
}

namespace Coxswain.Engine.Testing;

/// <summary>Files kept in memory: a container's writable layer, a volume, a tmpfs.</summary>
internal sealed class FileStore : IFileArea
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public string? Read(string key)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(key);
        }
    }

    public void Write(string key, string text, bool append)
    {
        lock (_gate)
        {
            _files[key] = append && _files.TryGetValue(key, out var existing) ? existing + text : text;
        }
    }

    public bool Delete(string key)
    {
        lock (_gate)
        {
            return _files.Remove(key);
        }
    }

    public bool IsFile(string key)
    {
        lock (_gate)
        {
            return _files.ContainsKey(key);
        }
    }

    public bool IsDirectory(string key)
    {
        lock (_gate)
        {
            return key.Length == 0 || _directories.Contains(key) || _files.Keys.Concat(_directories).Any(f => f.StartsWith(key + "/", StringComparison.Ordinal));
        }
    }

    public void CreateDirectory(string key)
    {
        lock (_gate)
        {
            _directories.Add(key);
        }
    }
}

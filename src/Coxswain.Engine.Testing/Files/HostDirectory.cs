namespace Coxswain.Engine.Testing;

/// <summary>A bind mount: the host's files at <see cref="Source"/> (a directory, or a single file mounted as such), read and written through.</summary>
internal sealed class HostDirectory(string source) : IFileArea
{
    public string Source { get; } = source;

    public string? Read(string key)
    {
        var path = Resolve(key);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public void Write(string key, string text, bool append)
    {
        var path = Resolve(key);
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (append)
        {
            File.AppendAllText(path, text);
        }
        else
        {
            File.WriteAllText(path, text);
        }
    }

    public bool Delete(string key)
    {
        var path = Resolve(key);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public bool IsFile(string key) => File.Exists(Resolve(key));

    public bool IsDirectory(string key) => Directory.Exists(Resolve(key));

    public void CreateDirectory(string key) => Directory.CreateDirectory(Resolve(key));

    private string Resolve(string key) => key.Length == 0 ? Source : Path.Combine(Source, key);
}

namespace Coxswain.Engine.Testing;

/// <summary>Where files of one mount (or of the container's own layer) live; keys are paths relative to the mount, "" for its root.</summary>
internal interface IFileArea
{
    string? Read(string key);

    void Write(string key, string text, bool append);

    bool Delete(string key);

    bool IsFile(string key);

    bool IsDirectory(string key);

    void CreateDirectory(string key);
}

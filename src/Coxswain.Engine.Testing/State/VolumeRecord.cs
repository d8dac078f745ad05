namespace Coxswain.Engine.Testing;

/// <summary>A volume (guarded by the engine's lock).</summary>
internal sealed record VolumeRecord(string Name, string Driver, IReadOnlyDictionary<string, string> Labels, DateTimeOffset Created, bool Anonymous)
{
    public string Mountpoint => $"/var/lib/docker/volumes/{Name}/_data";

    /// <summary>The volume's content, shared by every container that mounts it.</summary>
    public FileStore Files { get; } = new();
}

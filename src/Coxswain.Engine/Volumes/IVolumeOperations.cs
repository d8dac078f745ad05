namespace Coxswain.Engine;

/// <summary>Volumes: create, inspect, list, remove, prune.</summary>
public interface IVolumeOperations
{
    /// <summary>Creates a volume (creating an existing one returns it unchanged, as the engines do).</summary>
    Task<VolumeInfo> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Inspects a volume.</summary>
    Task<VolumeInfo> InspectVolumeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists volumes, optionally only those with all the given labels ("key" or "key=value").</summary>
    Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a volume. Throws <see cref="EngineConflictException"/> while a container uses it.</summary>
    Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Removes unused volumes with all the given labels and returns their names.</summary>
    Task<IReadOnlyList<string>> PruneVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default);
}

namespace Coxswain.Engine;

/// <summary>A mount: <see cref="MountType.Bind"/> (host path), <see cref="MountType.Volume"/> (named or anonymous volume) or <see cref="MountType.Tmpfs"/>.</summary>
public sealed record MountSpec(MountType Type, string? Source, string Target, bool ReadOnly = false)
{
    /// <summary>tmpfs size in bytes (tmpfs only).</summary>
    public long? TmpfsSizeBytes { get; init; }

    /// <summary>tmpfs mode, e.g. 0o1777 (tmpfs only).</summary>
    public int? TmpfsMode { get; init; }

    /// <summary>Labels for a volume created by this mount (volume only).</summary>
    public IReadOnlyDictionary<string, string>? VolumeLabels { get; init; }
}

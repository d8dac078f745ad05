namespace Coxswain.Compose;

/// <summary>One entry of a service's <c>volumes</c>, from the short syntax (<c>"./data:/data:ro"</c>) or the long one.</summary>
/// <param name="Type">Volume, bind or tmpfs.</param>
/// <param name="Source">For a volume, the key of a top-level volume (null for an anonymous volume); for a bind, the absolute host path (relative paths resolved against the project directory, <c>~</c> expanded); null for tmpfs.</param>
/// <param name="Target">The absolute path inside the container.</param>
public sealed record ServiceMount(ServiceMountType Type, string? Source, string Target)
{
    /// <summary>Mounted read-only.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Volume: do not copy the image's content into a new volume.</summary>
    public bool NoCopy { get; init; }

    /// <summary>Volume: mount a sub-path of the volume, or null.</summary>
    public string? Subpath { get; init; }

    /// <summary>Bind: create the host directory when missing (implied by the short syntax; the long syntax defaults to false).</summary>
    public bool CreateHostPath { get; init; }

    /// <summary>Bind: mount propagation (<c>rprivate</c>, <c>shared</c>, ...), or null.</summary>
    public string? Propagation { get; init; }

    /// <summary>Bind: SELinux relabelling, <c>z</c> (shared) or <c>Z</c> (private), or null.</summary>
    public string? SeLinux { get; init; }

    /// <summary>Tmpfs: size in bytes, or null for the engine's default.</summary>
    public long? TmpfsSizeBytes { get; init; }

    /// <summary>Tmpfs: file mode (e.g. octal 1777 = 1023), or null.</summary>
    public int? TmpfsMode { get; init; }
}

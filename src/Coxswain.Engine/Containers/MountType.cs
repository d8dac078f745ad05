namespace Coxswain.Engine;

/// <summary>Kinds of mount.</summary>
public enum MountType
{
    /// <summary>A host path.</summary>
    Bind,

    /// <summary>An engine volume.</summary>
    Volume,

    /// <summary>An in-memory filesystem.</summary>
    Tmpfs,
}

namespace Coxswain.Compose;

/// <summary>Kinds of service volume.</summary>
public enum ServiceMountType
{
    /// <summary>A named or anonymous engine volume.</summary>
    Volume,

    /// <summary>A host path.</summary>
    Bind,

    /// <summary>An in-memory filesystem.</summary>
    Tmpfs,
}

namespace Coxswain.Compose;

/// <summary>A secret or config given to a service (short syntax <c>- name</c>, or long with target, uid, gid and mode).</summary>
/// <param name="Source">The key of the top-level secret or config.</param>
/// <param name="Target">The absolute path in the container (secrets default to <c>/run/secrets/&lt;source&gt;</c>, configs to <c>/&lt;source&gt;</c>).</param>
public sealed record ServiceFileReference(string Source, string Target)
{
    /// <summary>Owner user id, or null.</summary>
    public string? Uid { get; init; }

    /// <summary>Owner group id, or null.</summary>
    public string? Gid { get; init; }

    /// <summary>File mode (e.g. octal 0440 = 288), or null for the default (0444).</summary>
    public int? Mode { get; init; }
}

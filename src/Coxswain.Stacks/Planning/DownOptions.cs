namespace Coxswain.Stacks;

/// <summary>Choices of a <c>down</c>.</summary>
public sealed record DownOptions
{
    /// <summary>Also remove the project's named volumes (<c>-v</c>).</summary>
    public bool RemoveVolumes { get; init; }

    /// <summary>Also remove containers of services no longer in the Compose file.</summary>
    public bool RemoveOrphans { get; init; }

    /// <summary>Stop timeout for every container (<c>-t N</c>), over each service's stop_grace_period.</summary>
    public TimeSpan? Timeout { get; init; }
}

namespace Coxswain.Stacks;

/// <summary>Choices of an <c>up</c> that the reconciler needs.</summary>
public sealed record UpOptions
{
    /// <summary>Remove containers of services no longer in the Compose file (else they are reported as warnings).</summary>
    public bool RemoveOrphans { get; init; }

    /// <summary>Add a wait per service (healthy when it has a healthcheck, else running) at the end (<c>--wait</c>), also when nothing else changes.</summary>
    public bool Wait { get; init; }
}

namespace Coxswain.Stacks.PlanOperations;

/// <summary>The keys of a <c>stack</c> plan task.</summary>
/// <param name="File">The Compose file (absolute, or relative to the current directory).</param>
public sealed record StackTaskSpec(string File)
{
    /// <summary>The project name; null for Compose's own choice (<c>name:</c>, then the file's folder).</summary>
    public string? Project { get; init; }

    /// <summary>Up (default) or down.</summary>
    public StackTaskState State { get; init; } = StackTaskState.Up;

    /// <summary>For up: wait until every service is healthy (or running, without a healthcheck), as <c>--wait</c>.</summary>
    public bool Wait { get; init; }

    /// <summary>For down: also remove the project's named volumes (<c>-v</c>).</summary>
    public bool RemoveVolumes { get; init; }

    /// <summary>The process environment used to interpolate the Compose file; null for the real one.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}

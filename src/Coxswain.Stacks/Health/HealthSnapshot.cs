namespace Coxswain.Stacks;

/// <summary>A container's health at one moment, as published by a <see cref="HealthProbeRunner"/>.</summary>
/// <param name="ContainerId">The container, as the runner was given it.</param>
/// <param name="Status">The health status.</param>
/// <param name="FailingStreak">Failures counted in a row since the last pass.</param>
/// <param name="Results">The latest probe results, oldest first (for messages and crash reports).</param>
public sealed record HealthSnapshot(string ContainerId, HealthStatus Status, int FailingStreak, IReadOnlyList<ProbeResult> Results)
{
    /// <summary>How many probes ran in all.</summary>
    public int ProbeCount { get; init; }

    /// <summary>When the next probe is due; null once the runner ended.</summary>
    public DateTimeOffset? NextProbeAt { get; init; }

    /// <summary>True once the runner stopped probing (see <see cref="EndReason"/>).</summary>
    public bool Ended { get; init; }

    /// <summary>Why the runner stopped: "container not running", "container removed", "stopped"; null while it runs.</summary>
    public string? EndReason { get; init; }

    /// <summary>The latest result, or null before the first probe.</summary>
    public ProbeResult? LastResult => Results.Count == 0 ? null : Results[^1];
}

namespace Coxswain.Supervision;

/// <summary>What was known when a service failed and a decision was taken, kept for <c>cox inspect</c>.</summary>
/// <param name="Project">The stack.</param>
/// <param name="Service">The service.</param>
/// <param name="Failure">The failure (kind, exit code, time, detail).</param>
public sealed record CrashDossier(string Project, string Service, Failure Failure)
{
    /// <summary>True when memory ended it.</summary>
    public bool OomKilled => Failure.Kind == FailureKind.OomKilled;

    /// <summary>The last probe results before the failure, oldest first ("exit 1: connection refused").</summary>
    public IReadOnlyList<string> ProbeOutputs { get; init; } = [];

    /// <summary>The last lines of the container's log.</summary>
    public IReadOnlyList<string> LogTail { get; init; } = [];

    /// <summary>The decision's steps: the failure, counters, the decision and its reason.</summary>
    public IReadOnlyList<string> DecisionTrace { get; init; } = [];
}

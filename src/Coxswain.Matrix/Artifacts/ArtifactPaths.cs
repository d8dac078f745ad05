namespace Coxswain.Matrix;

/// <summary>Where one container's artifacts go: <c>&lt;root&gt;/logs/&lt;target&gt;/&lt;container&gt;-stdout-&lt;ts&gt;.log</c>,
/// <c>-stderr-&lt;ts&gt;.log</c>, <c>&lt;container&gt;.cid</c> and <c>&lt;container&gt;-summary.json</c>.</summary>
/// <param name="Directory">The target's folder of logs.</param>
/// <param name="Container">The container's name.</param>
/// <param name="Timestamp">The attempt's start, formatted as a run id.</param>
public sealed record ArtifactPaths(string Directory, string Container, string Timestamp)
{
    /// <summary>The paths for <paramref name="container"/> of <paramref name="target"/> started at <paramref name="startedAt"/>.</summary>
    public static ArtifactPaths For(string logsDirectory, string target, string container, DateTimeOffset startedAt) =>
        new(Path.Combine(logsDirectory, target), container, RunId.From(startedAt));

    /// <summary>The aggregate summary of a run: <c>&lt;root&gt;/logs/aggregate-&lt;runID&gt;.json</c>.</summary>
    public static string Aggregate(string logsDirectory, string runId) => Path.Combine(logsDirectory, $"aggregate-{runId}.json");

    /// <summary>Container stdout, every line as written.</summary>
    public string Stdout => Path.Combine(Directory, $"{Container}-stdout-{Timestamp}.log");

    /// <summary>Container stderr, every line as written.</summary>
    public string Stderr => Path.Combine(Directory, $"{Container}-stderr-{Timestamp}.log");

    /// <summary>The container id, one line.</summary>
    public string ContainerIdFile => Path.Combine(Directory, $"{Container}.cid");

    /// <summary>The per-container summary.</summary>
    public string Summary => Path.Combine(Directory, $"{Container}-summary.json");
}

namespace Coxswain.Engine;

/// <summary>An image as inspected.</summary>
public sealed record ImageInfo
{
    /// <summary>Image id ("sha256:...").</summary>
    public required string Id { get; init; }

    /// <summary>Tags pointing at it.</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>Registry digests.</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    /// <summary>Creation time.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; init; }

    /// <summary>Default command.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Default entrypoint.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>Default environment ("KEY=value").</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Default working directory.</summary>
    public string WorkingDirectory { get; init; } = "";

    /// <summary>Default user.</summary>
    public string User { get; init; } = "";
}

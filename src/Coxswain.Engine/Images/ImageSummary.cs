namespace Coxswain.Engine;

/// <summary>An image as listed.</summary>
public sealed record ImageSummary(string Id, IReadOnlyList<string> RepoTags, long SizeBytes, DateTimeOffset Created)
{
    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

namespace Coxswain.Engine.Testing;

/// <summary>A local image (guarded by the engine's lock).</summary>
internal sealed class ImageRecord
{
    public required string Id { get; init; }

    public required ImageDefinition Definition { get; init; }

    public required DateTimeOffset Created { get; init; }

    public List<string> RepoTags { get; } = [];

    public List<string> RepoDigests { get; } = [];

    public string ShortId => Id["sha256:".Length..][..12];
}

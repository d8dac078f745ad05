namespace Coxswain.Engine;

/// <summary>Options for building an image from a context tar.</summary>
public sealed record BuildOptions
{
    /// <summary>Tags to give the built image (repo:tag).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Path of the Dockerfile inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>Build arguments.</summary>
    public IReadOnlyDictionary<string, string>? BuildArgs { get; init; }

    /// <summary>Labels to put on the image.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Do not use the build cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Always try to pull newer base images.</summary>
    public bool Pull { get; init; }

    /// <summary>Target stage of a multi-stage build.</summary>
    public string? Target { get; init; }
}

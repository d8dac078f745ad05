namespace Coxswain.Compose;

/// <summary>How to build a service's image (<c>build: ./dir</c> or the long form).</summary>
/// <param name="Context">The build context: an absolute directory (relative paths resolved against the project directory), or a URL kept as written.</param>
public sealed record ServiceBuild(string Context)
{
    /// <summary>The Dockerfile, relative to the context, or null for <c>Dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Build arguments, in file order (a bare <c>KEY</c> takes its value from the environment, and is left out when unset).</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>The stage to build, or null for the last.</summary>
    public string? Target { get; init; }

    /// <summary>Labels to put on the image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ModelDefaults.EmptyMap;

    /// <summary>Extra tags for the built image.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Do not use the build cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Always pull newer base images.</summary>
    public bool Pull { get; init; }
}

namespace Coxswain.Matrix;

/// <summary>A matrix ready to run: every path absolute, every target resolved, flags applied over the file.</summary>
public sealed record MatrixDefinition
{
    /// <summary>The container path the root folder is mounted at.</summary>
    public const string WorkspacePath = "/workspace";

    /// <summary>The matrix's name: the prefix of image and container names.</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the build context.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>Absolute path of the root folder: mounted at <see cref="WorkspacePath"/>; holds <c>logs/</c> and <c>.cache/</c>.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The targets to run, in order.</summary>
    public required IReadOnlyList<MatrixTarget> Targets { get; init; }

    /// <summary>The command each container runs; the image's default when empty.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Working directory in the container (default <see cref="WorkspacePath"/>).</summary>
    public string WorkingDirectory { get; init; } = WorkspacePath;

    /// <summary>The user's declared variables, with their values.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The variable <c>-vv</c> adds, if the user named one.</summary>
    public LogLevelVariable? LogLevel { get; init; }

    /// <summary>Extra bind mounts.</summary>
    public IReadOnlyList<MountDeclaration> Mounts { get; init; } = [];

    /// <summary>Per-target caches.</summary>
    public IReadOnlyList<CacheDeclaration> Caches { get; init; } = [];

    /// <summary>The flags.</summary>
    public MatrixSettings Settings { get; init; } = new();

    /// <summary>The folder of logs and summaries: <c>&lt;root&gt;/logs</c>.</summary>
    public string LogsDirectory => Path.Combine(RootDirectory, "logs");
}

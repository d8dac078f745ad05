namespace Coxswain.Matrix;

/// <summary>A matrix file as written (<c>matrix.yaml</c>): every field optional; relative paths are relative to the file's folder.
/// <see cref="MatrixDefinitionLoader"/> applies the flags and defaults and checks it.</summary>
public sealed record MatrixFile
{
    /// <summary>The file's absolute path.</summary>
    public required string Path { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>context</c>.</summary>
    public string? Context { get; init; }

    /// <summary><c>root_dir</c>.</summary>
    public string? RootDir { get; init; }

    /// <summary><c>dockerfile</c>: the shared Dockerfile.</summary>
    public string? Dockerfile { get; init; }

    /// <summary><c>build_args</c>: shared build arguments.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary><c>command</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary><c>workdir</c>.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary><c>environment</c>: declared variables with values.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>pass_env</c>: host variables passed through when set.</summary>
    public IReadOnlyList<string> PassEnvironment { get; init; } = [];

    /// <summary><c>log_level</c>.</summary>
    public LogLevelVariable? LogLevel { get; init; }

    /// <summary><c>mounts</c> (sources as written).</summary>
    public IReadOnlyList<MountDeclaration> Mounts { get; init; } = [];

    /// <summary><c>caches</c>.</summary>
    public IReadOnlyList<CacheDeclaration> Caches { get; init; } = [];

    /// <summary><c>timeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>concurrency</c>.</summary>
    public int? Concurrency { get; init; }

    /// <summary><c>retries</c>.</summary>
    public int? Retries { get; init; }

    /// <summary><c>backoff</c>.</summary>
    public TimeSpan? Backoff { get; init; }

    /// <summary><c>fail_fast</c>.</summary>
    public bool? FailFast { get; init; }

    /// <summary><c>targets</c>, in file order: name → its own Dockerfile (or null) and build arguments.</summary>
    public IReadOnlyList<(string Name, string? Dockerfile, IReadOnlyDictionary<string, string> BuildArgs)> Targets { get; init; } = [];
}

namespace Coxswain.Matrix;

/// <summary>What the command line says; null or false leaves the matrix file's value (or the default) in place.</summary>
public sealed record MatrixFlags
{
    /// <summary>The default matrix file name, looked for in the current folder when <see cref="File"/> is null.</summary>
    public const string DefaultFileName = "matrix.yaml";

    /// <summary>The matrix file (<c>-f</c>).</summary>
    public string? File { get; init; }

    /// <summary><c>--targets a,b,c</c>: which targets to run (with a file: a subset of its targets).</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary><c>--context DIR</c>.</summary>
    public string? Context { get; init; }

    /// <summary><c>--root-dir DIR</c>.</summary>
    public string? RootDir { get; init; }

    /// <summary>The command after <c>--</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The boolean flags and verbosity: <see cref="MatrixSettings"/> as the command line gives them.</summary>
    public MatrixSettings Switches { get; init; } = new();

    /// <summary><c>--timeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>--concurrency</c>.</summary>
    public int? Concurrency { get; init; }

    /// <summary><c>--fail-fast</c> (true or false).</summary>
    public bool? FailFast { get; init; }

    /// <summary><c>--retries</c>.</summary>
    public int? Retries { get; init; }

    /// <summary><c>--backoff</c>.</summary>
    public TimeSpan? Backoff { get; init; }
}

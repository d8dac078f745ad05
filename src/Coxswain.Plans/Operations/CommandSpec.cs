namespace Coxswain.Plans.Operations;

/// <summary>What a <see cref="CommandOperation"/> runs on the host.</summary>
public sealed record CommandSpec
{
    /// <summary>A shell command line, run with <c>/bin/sh -c</c>. Set this or <see cref="Arguments"/>.</summary>
    public string? Shell { get; init; }

    /// <summary>A program and its arguments, run directly (no shell). Set this or <see cref="Shell"/>.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>The working directory; the current one when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>When this path exists, the command is not run and the task is Unchanged.</summary>
    public string? Creates { get; init; }

    /// <summary>How a successful run is judged changed. Default: always.</summary>
    public ChangedWhen ChangedWhen { get; init; } = ChangedWhen.Always;

    /// <summary>Exit codes that count as success. Default: 0.</summary>
    public IReadOnlyList<int> SuccessExitCodes { get; init; } = [0];

    /// <summary>The command as one line, for messages.</summary>
    public string DisplayText => Shell ?? string.Join(' ', Arguments ?? []);
}

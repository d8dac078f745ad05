namespace Coxswain.Plans.Operations.Engine;

/// <summary>What an <see cref="ExecOperation"/> runs in a container, and how its result is judged.</summary>
public sealed record ExecTaskSpec
{
    /// <summary>The container's name or id (it must be running).</summary>
    public required string Container { get; init; }

    /// <summary>The program and its arguments (a shell line is <c>["sh", "-c", line]</c>).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Extra environment variables.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>User to run as.</summary>
    public string? User { get; init; }

    /// <summary>Working directory inside the container.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A path inside the container: when it exists the command does not run (Unchanged).</summary>
    public string? Creates { get; init; }

    /// <summary>Whether a successful run counts as a change. Default: always.</summary>
    public ChangedWhen ChangedWhen { get; init; } = ChangedWhen.Always;

    /// <summary>Exit codes that mean success. Default: 0.</summary>
    public IReadOnlyList<int> SuccessExitCodes { get; init; } = [0];

    /// <summary>The command for people: the shell line, or the arguments joined.</summary>
    public string DisplayText => Command is ["sh", "-c", var line] ? line : string.Join(' ', Command);
}

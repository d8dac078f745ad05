namespace Coxswain.Engine;

/// <summary>A command to run in a container.</summary>
public sealed record ExecSpec(IReadOnlyList<string> Command)
{
    /// <summary>Extra environment variables.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>User to run as.</summary>
    public string? User { get; init; }

    /// <summary>Working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Allocate a TTY.</summary>
    public bool Tty { get; init; }
}

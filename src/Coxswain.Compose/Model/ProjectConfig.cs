namespace Coxswain.Compose;

/// <summary>A top-level config: its content comes from a file, a variable, or inline <c>content</c>.</summary>
/// <param name="Name">The key services use.</param>
public sealed record ProjectConfig(string Name)
{
    /// <summary>Where it was declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The absolute path of the file holding the config, or null.</summary>
    public string? File { get; init; }

    /// <summary>The name of the variable holding the config (see <see cref="LoadResult.Variables"/>), or null.</summary>
    public string? Environment { get; init; }

    /// <summary>The content written inline (interpolated), or null.</summary>
    public string? Content { get; init; }

    /// <summary>Managed outside the project (a Swarm config).</summary>
    public bool External { get; init; }

    /// <summary>The <c>name:</c> given, or null.</summary>
    public string? ActualName { get; init; }
}

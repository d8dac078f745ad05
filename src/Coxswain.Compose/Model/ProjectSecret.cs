namespace Coxswain.Compose;

/// <summary>A top-level secret: its content comes from a file or from a variable.</summary>
/// <param name="Name">The key services use.</param>
public sealed record ProjectSecret(string Name)
{
    /// <summary>Where it was declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The absolute path of the file holding the secret, or null.</summary>
    public string? File { get; init; }

    /// <summary>The name of the variable holding the secret (see <see cref="LoadResult.Variables"/>), or null.</summary>
    public string? Environment { get; init; }

    /// <summary>Managed outside the project (a Swarm secret).</summary>
    public bool External { get; init; }

    /// <summary>The <c>name:</c> given, or null.</summary>
    public string? ActualName { get; init; }
}

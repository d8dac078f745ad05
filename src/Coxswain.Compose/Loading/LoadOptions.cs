namespace Coxswain.Compose;

/// <summary>What <see cref="ComposeLoader.Load"/> reads, and with which environment.</summary>
public sealed record LoadOptions
{
    /// <summary>The Compose files (<c>-f</c>), merged in order; relative paths are taken from the current directory. Empty: look for <c>compose.yaml</c>, <c>compose.yml</c>, <c>docker-compose.yaml</c> or <c>docker-compose.yml</c> (and its <c>.override</c> companion) in <see cref="WorkingDirectory"/>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The project name (<c>-p</c>); null to take <c>COMPOSE_PROJECT_NAME</c>, then <c>name:</c>, then the project folder's name.</summary>
    public string? ProjectName { get; init; }

    /// <summary>The project directory (<c>--project-directory</c>); null for the folder of the first file (or the current directory when looking for files).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Env files for interpolation (<c>--env-file</c>), later ones overriding earlier ones; empty for <c>.env</c> in the project directory when it exists.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary>The process environment; it overrides the env files. Null for the real process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Profiles to enable (<c>--profile</c>); null for <c>COMPOSE_PROFILES</c> (comma-separated).</summary>
    public IReadOnlyList<string>? Profiles { get; init; }
}

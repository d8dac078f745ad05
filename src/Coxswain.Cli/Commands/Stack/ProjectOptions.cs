using System.CommandLine;
using Coxswain.Compose;

namespace Coxswain.Cli.Commands.Stack;

/// <summary>The project options of docker compose (-f, -p, --project-directory, --env-file, --profile), accepted before the
/// stack subcommand (on the root) and after it (on each stack command), without reaching other commands.</summary>
internal sealed class ProjectOptions
{
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "Compose file (repeatable; merged in order). Default: compose.yaml (+ compose.override.yaml) in the project directory",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> ProjectName { get; } = new("--project-name", "-p")
    {
        Description = "Project name. Default: COMPOSE_PROJECT_NAME, then name: in the file, then the folder name",
        HelpName = "name",
    };

    public Option<string?> ProjectDirectory { get; } = new("--project-directory")
    {
        Description = "Project directory (relative paths and .env). Default: the first file's folder",
        HelpName = "dir",
    };

    public Option<string[]> EnvFiles { get; } = new("--env-file")
    {
        Description = "Environment file for interpolation (repeatable). Default: <project dir>/.env",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Profiles { get; } = new("--profile")
    {
        Description = "Enable a profile (repeatable). Default: COMPOSE_PROFILES",
        HelpName = "name",
        AllowMultipleArgumentsPerToken = false,
    };

    private IEnumerable<Option> All => [Files, ProjectName, ProjectDirectory, EnvFiles, Profiles];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public LoadOptions ToLoadOptions(ParseResult parse) => new()
    {
        Files = parse.GetValue(Files) ?? [],
        ProjectName = parse.GetValue(ProjectName),
        WorkingDirectory = parse.GetValue(ProjectDirectory),
        EnvFiles = parse.GetValue(EnvFiles) ?? [],
        Profiles = parse.GetValue(Profiles) is { Length: > 0 } profiles ? profiles : null,
    };
}

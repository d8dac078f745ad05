namespace Coxswain.Cli.Commands.Plan;

/// <summary>Where <c>cox plan</c> keeps its journal: <c>--journal</c>, else <c>$XDG_DATA_HOME/coxswain/plans.db</c>,
/// else <c>~/.local/share/coxswain/plans.db</c>.</summary>
internal static class PlanJournalPath
{
    /// <summary>The journal file's name.</summary>
    public const string FileName = "plans.db";

    /// <summary>The path to use (its directory is created).</summary>
    public static string Resolve(CliContext context, string? option)
    {
        string path;
        if (!string.IsNullOrWhiteSpace(option))
        {
            path = Path.GetFullPath(option);
        }
        else if (context.GetVariable("XDG_DATA_HOME") is { Length: > 0 } data)
        {
            path = Path.Combine(data, "coxswain", FileName);
        }
        else
        {
            var home = context.GetVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = Path.Combine(home, ".local", "share", "coxswain", FileName);
        }

        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return path;
    }
}

namespace Coxswain.Compose;

/// <summary>What the readers of one load share: diagnostics, the project directory, the variables, and path helpers.</summary>
internal sealed class LoadContext(DiagnosticBag diagnostics, string workingDirectory, IReadOnlyDictionary<string, string> variables, string? home)
{
    public DiagnosticBag Diagnostics => diagnostics;

    public FieldReader Reader { get; } = new(diagnostics);

    /// <summary>Names services refer to, checked once every file is read.</summary>
    public List<ServiceReference> References { get; } = [];

    public string WorkingDirectory => workingDirectory;

    public IReadOnlyDictionary<string, string> Variables => variables;

    public string? Lookup(string name) => variables.GetValueOrDefault(name);

    /// <summary>A host path: <c>~</c> expanded, relative paths resolved against the project directory, no trailing separator.</summary>
    public string ResolvePath(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = (home ?? "~") + path[1..];
        }

        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        return full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full;
    }

    /// <summary>A path as shown in messages: relative to the project directory when inside it.</summary>
    public string Display(string fullPath) => DisplayPath(workingDirectory, fullPath);

    public static string DisplayPath(string workingDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}

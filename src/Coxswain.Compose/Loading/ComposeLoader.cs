using System.Collections;

namespace Coxswain.Compose;

/// <summary>
/// Loads Compose files into a validated, normalized <see cref="ComposeProject"/>: reads each file (YAML anchors, aliases and
/// merge keys), interpolates variables (process environment over <c>.env</c> / <c>--env-file</c>), merges the files with the
/// compose-spec override rules, reads the model, and checks references and cycles, collecting every error and warning with
/// file:line:column and field path. Never throws for a bad file: problems are diagnostics.
/// </summary>
public static class ComposeLoader
{
    /// <summary>Loads a project.</summary>
    /// <param name="options">The files, project name, env files, environment and profiles.</param>
    /// <returns>The project (null when there are errors) and the diagnostics.</returns>
    public static LoadResult Load(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        var environment = options.Environment ?? ReadProcessEnvironment();
        var currentDirectory = Directory.GetCurrentDirectory();
        var files = options.Files.Select(f => Path.GetFullPath(f, currentDirectory)).ToList();
        var workingDirectory = options.WorkingDirectory is { } directory
            ? Path.GetFullPath(directory, currentDirectory)
            : files.Count > 0 ? Path.GetDirectoryName(files[0])! : currentDirectory;
        if (files.Count == 0)
        {
            files = [.. ComposeFiles.Find(workingDirectory)];
            if (files.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, null, string.Empty, $"no Compose file in \"{workingDirectory}\" (looked for {string.Join(", ", ComposeFiles.DefaultNames)}); give one with -f");
                return new LoadResult(null, diagnostics.Items);
            }
        }

        var variables = EnvironmentLoader.Load(options.EnvFiles, workingDirectory, environment, diagnostics);
        var home = environment.GetValueOrDefault("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var context = new LoadContext(diagnostics, workingDirectory, variables, home);
        var trees = ReadFiles(files, context);
        ComposeProject? project = null;
        if (trees.Count == files.Count)
        {
            var merged = TreeMerger.Merge(trees) as ComposeMapping ?? new ComposeMapping([], trees[0].Location);
            project = ProjectReader.Read(merged, context, options, files);
            ProjectValidator.Validate(project, context.References, diagnostics);
        }

        var sorted = Sort(diagnostics.Items, files.Select(context.Display).ToList());
        var succeeded = project is not null && !diagnostics.HasErrors;
        return new LoadResult(succeeded ? project! with { Warnings = sorted.Where(d => !d.IsError).ToList() } : null, sorted)
        {
            Variables = variables,
        };
    }

    private static List<ComposeNode> ReadFiles(List<string> files, LoadContext context)
    {
        var trees = new List<ComposeNode>();
        var warnedUnset = new HashSet<string>(StringComparer.Ordinal);
        var extendedFiles = new Dictionary<string, ComposeMapping?>(StringComparer.Ordinal);
        ComposeMapping? ReadExtended(string file)
        {
            if (!extendedFiles.TryGetValue(file, out var tree))
            {
                tree = ReadFile(file, context, warnedUnset, reportMissing: false);
                extendedFiles[file] = tree;
            }

            return tree;
        }

        var extends = new ExtendsResolver(context, ReadExtended);
        foreach (var file in files)
        {
            if (ReadFile(file, context, warnedUnset, reportMissing: true) is { } tree)
            {
                trees.Add(extends.Resolve(tree, file));
            }
        }

        return trees;
    }

    /// <summary>One file read, parsed, interpolated and normalized; null (with the problem reported) when it cannot be.</summary>
    private static ComposeMapping? ReadFile(string file, LoadContext context, HashSet<string> warnedUnset, bool reportMissing)
    {
        var display = context.Display(file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (reportMissing)
            {
                context.Diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.FileOnly(display), string.Empty, $"cannot read the Compose file: {ex.Message}");
            }

            return null;
        }

        var errorsBefore = context.Diagnostics.Items.Count(d => d.IsError);
        var root = YamlTreeReader.Read(text, display, context.Diagnostics);
        if (root is null || root is ComposeScalar { IsNull: true })
        {
            if (context.Diagnostics.Items.Count(d => d.IsError) == errorsBefore)
            {
                context.Diagnostics.Error(DiagnosticCodes.InvalidYaml, SourceLocation.FileOnly(display), string.Empty, "the file is empty; a Compose file needs at least \"services:\"");
            }

            return null;
        }

        if (root is not ComposeMapping)
        {
            context.Diagnostics.Error(DiagnosticCodes.WrongType, root.Location, string.Empty, $"a Compose file is a mapping (services:, networks:, ...), found {root.KindName}");
            return null;
        }

        var interpolated = new TreeInterpolator(context.Lookup, context.Diagnostics, warnedUnset).Apply(root, string.Empty);
        return (ComposeMapping)TreeNormalizer.Normalize(interpolated);
    }

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static List<Diagnostic> Sort(IReadOnlyList<Diagnostic> diagnostics, List<string> composeFiles)
    {
        var order = new List<string>(composeFiles);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location is { } location && !order.Contains(location.File))
            {
                order.Add(location.File);
            }
        }

        return diagnostics
            .OrderBy(d => d.Location is null ? -1 : order.IndexOf(d.Location.File))
            .ThenBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
    }
}

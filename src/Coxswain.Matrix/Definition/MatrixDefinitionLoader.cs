using System.Text.RegularExpressions;

namespace Coxswain.Matrix;

/// <summary>Turns the matrix file (if any) and the flags into a checked <see cref="MatrixDefinition"/>: flags win over the file,
/// the file over the defaults. Every problem is reported together, each saying what to do.</summary>
public static partial class MatrixDefinitionLoader
{
    /// <summary>The build argument a target gets when no matrix file declares targets: <c>TARGET=&lt;name&gt;</c>.</summary>
    public const string TargetBuildArg = "TARGET";

    /// <summary>Loads and checks. <paramref name="currentDirectory"/> anchors relative flag paths; <paramref name="getVariable"/>
    /// reads host variables for <c>pass_env</c>. Throws <see cref="MatrixDefinitionException"/>.</summary>
    public static MatrixDefinition Load(MatrixFlags flags, string currentDirectory, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(getVariable);
        var filePath = flags.File is { } f ? Path.GetFullPath(f, currentDirectory) : Path.Combine(currentDirectory, MatrixFlags.DefaultFileName);
        var file = flags.File is not null || File.Exists(filePath) ? MatrixFileReader.Read(filePath) : null;
        var fileDir = file is null ? currentDirectory : Path.GetDirectoryName(file.Path)!;
        var problems = new List<string>();

        var context = flags.Context is { } c ? Path.GetFullPath(c, currentDirectory)
            : file?.Context is { } fc ? Path.GetFullPath(fc, fileDir)
            : fileDir;
        if (!Directory.Exists(context))
        {
            problems.Add($"the build context {context} does not exist or is not a folder: pass an existing folder with --context (or 'context' in the matrix file)");
        }

        var root = flags.RootDir is { } r ? Path.GetFullPath(r, currentDirectory)
            : file?.RootDir is { } fr ? Path.GetFullPath(fr, fileDir)
            : RepositoryRoot(currentDirectory);
        if (!Directory.Exists(root))
        {
            problems.Add($"the root folder {root} does not exist: pass an existing folder with --root-dir (it is mounted at {MatrixDefinition.WorkspacePath})");
        }

        var name = (file?.Name ?? Path.GetFileName(context.TrimEnd('/'))).ToLowerInvariant();
        if (!NamePattern().IsMatch(name))
        {
            problems.Add($"the matrix name '{name}' cannot name images: use lower-case letters, digits, '.', '_' and '-' ('name' in the matrix file)");
        }

        var targets = SelectTargets(flags, file, problems);
        if (Directory.Exists(context))
        {
            foreach (var target in targets.Where(t => !File.Exists(Path.Combine(context, t.Dockerfile))))
            {
                problems.Add($"target '{target.Name}': the Dockerfile {Path.Combine(context, target.Dockerfile)} does not exist: create it, or set 'dockerfile' for the target or the matrix");
            }
        }

        var settings = Settings(flags, file, problems);
        if (settings.Shell && targets.Count != 1)
        {
            problems.Add($"--shell opens one container: choose exactly one target with --targets (there are {targets.Count}: {string.Join(", ", targets.Select(t => t.Name))})");
        }

        var environment = new Dictionary<string, string>(file?.Environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var variable in file?.PassEnvironment ?? [])
        {
            if (getVariable(variable) is { } value)
            {
                environment[variable] = value;
            }
        }

        var mounts = (file?.Mounts ?? []).Select(m => m with { Source = Path.GetFullPath(m.Source, fileDir) }).ToList();
        foreach (var mount in mounts.Where(m => !Path.Exists(m.Source)))
        {
            problems.Add($"the mount source {mount.Source} (for {mount.Target}) does not exist: create it or fix 'mounts' in the matrix file");
        }

        foreach (var path in mounts.Select(m => m.Target).Concat((file?.Caches ?? []).Select(c => c.Target)).Where(p => !p.StartsWith('/')))
        {
            problems.Add($"the container path '{path}' in 'mounts' or 'caches' must be absolute (start with /)");
        }

        foreach (var cache in (file?.Caches ?? []).Where(c => !NamePattern().IsMatch(c.Component)))
        {
            problems.Add($"the cache name '{cache.Component}' must be a plain folder name (lower-case letters, digits, '.', '_' and '-')");
        }

        if (problems.Count > 0)
        {
            throw new MatrixDefinitionException(problems);
        }

        return new MatrixDefinition
        {
            Name = name,
            ContextDirectory = context,
            RootDirectory = root,
            Targets = targets,
            Command = flags.Command is { Count: > 0 } cmd ? cmd : file?.Command ?? [],
            WorkingDirectory = file?.WorkingDirectory ?? MatrixDefinition.WorkspacePath,
            Environment = environment,
            LogLevel = file?.LogLevel,
            Mounts = mounts,
            Caches = file?.Caches ?? [],
            Settings = settings,
        };
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> holding <c>.git</c>; <paramref name="directory"/> itself when none does.</summary>
    public static string RepositoryRoot(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return directory;
    }

    private static List<MatrixTarget> SelectTargets(MatrixFlags flags, MatrixFile? file, List<string> problems)
    {
        var shared = file?.Dockerfile ?? "Dockerfile";
        var declared = (file?.Targets ?? [])
            .Select(t => new MatrixTarget(t.Name, t.Dockerfile ?? shared, Merge(file!.BuildArgs, t.BuildArgs)))
            .ToList();
        foreach (var bad in declared.Where(t => !NamePattern().IsMatch(t.Name)))
        {
            problems.Add($"{file!.Path}: the target name '{bad.Name}' cannot name images: use lower-case letters, digits, '.', '_' and '-'");
        }

        var wanted = (flags.Targets ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (declared.Count == 0)
        {
            if (wanted.Count == 0)
            {
                problems.Add(file is null
                    ? $"no targets: pass --targets a,b,c, or write a {MatrixFlags.DefaultFileName} with 'targets' (see docs/matrix.md)"
                    : $"{file.Path}: no targets: add 'targets' to the file or pass --targets a,b,c");
            }

            var args = file?.BuildArgs ?? new Dictionary<string, string>();
            var fromFlags = wanted.Distinct(StringComparer.Ordinal)
                .Select(n => new MatrixTarget(n, shared, Merge(args, new Dictionary<string, string> { [TargetBuildArg] = n })))
                .ToList();
            foreach (var bad in fromFlags.Where(t => !NamePattern().IsMatch(t.Name)))
            {
                problems.Add($"the target name '{bad.Name}' cannot name images: use lower-case letters, digits, '.', '_' and '-'");
            }

            return fromFlags;
        }

        if (wanted.Count == 0)
        {
            return declared;
        }

        var selected = new List<MatrixTarget>();
        foreach (var name in wanted.Distinct(StringComparer.Ordinal))
        {
            if (declared.FirstOrDefault(t => t.Name == name) is { } target)
            {
                selected.Add(target);
                continue;
            }

            var hint = Suggest(name, declared.Select(t => t.Name)) is { } close ? $" (did you mean '{close}'?)" : "";
            problems.Add($"target '{name}' is not in the matrix file {file!.Path}{hint}; its targets are: {string.Join(", ", declared.Select(t => t.Name))}");
        }

        return selected;
    }

    private static MatrixSettings Settings(MatrixFlags flags, MatrixFile? file, List<string> problems)
    {
        var settings = flags.Switches with
        {
            Timeout = flags.Timeout ?? file?.Timeout ?? MatrixSettings.DefaultTimeout,
            Concurrency = flags.Concurrency ?? file?.Concurrency ?? MatrixSettings.DefaultConcurrency,
            FailFast = flags.FailFast ?? file?.FailFast ?? true,
            Retries = flags.Retries ?? file?.Retries ?? MatrixSettings.DefaultRetries,
            Backoff = flags.Backoff ?? file?.Backoff ?? MatrixSettings.DefaultBackoff,
        };
        if (settings.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"--timeout must be positive ({MatrixDuration.Help})");
        }

        if (settings.Concurrency < 1)
        {
            problems.Add($"--concurrency must be at least 1, not {settings.Concurrency}");
        }

        if (settings.Retries < 0)
        {
            problems.Add($"--retries must be 0 or more, not {settings.Retries}");
        }

        if (settings.Shell)
        {
            settings = settings with { Concurrency = 1, Retries = 0 };
        }

        return settings;
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> shared, IReadOnlyDictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        foreach (var (k, v) in own)
        {
            merged[k] = v;
        }

        return merged;
    }

    private static string? Suggest(string name, IEnumerable<string> known) =>
        known.Select(k => (k, d: Distance(name, k))).Where(x => x.d <= Math.Max(2, name.Length / 3)).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex NamePattern();
}

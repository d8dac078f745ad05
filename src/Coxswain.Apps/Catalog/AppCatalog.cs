using Coxswain.Compose;

namespace Coxswain.Apps;

/// <summary>
/// The catalog: a folder with one sub-folder per app, named by the app id, holding <c>compose.yaml</c> (or <c>compose.yml</c>)
/// and whatever the file refers to (secret files, env files). Reading only; nothing here touches the engine.
/// </summary>
/// <param name="directory">The catalog folder.</param>
public sealed class AppCatalog(string directory)
{
    private static readonly string[] FileNames = ["compose.yaml", "compose.yml"];

    /// <summary>The catalog folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory)));

    /// <summary>The ids of every entry (folders with a Compose file and a valid id), sorted.</summary>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> ListIds()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(id => AppIds.IsValid(id) && FindFile(id) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder of an app (whether or not it exists).</summary>
    /// <param name="id">A valid app id.</param>
    /// <returns>The folder.</returns>
    public string FolderOf(string id) => Path.Combine(Directory, id);

    /// <summary>The Compose file of an entry, or null when there is none.</summary>
    /// <param name="id">A valid app id.</param>
    /// <returns>The file's full path, or null.</returns>
    public string? FindFile(string id) =>
        FileNames.Select(name => Path.Combine(FolderOf(id), name)).FirstOrDefault(File.Exists);

    /// <summary>Loads an entry: the project named after the id, the file's text (kept so an upgrade can roll back to it).</summary>
    /// <param name="id">The app id.</param>
    /// <param name="environment">The variables interpolation sees (never the daemon's own environment).</param>
    /// <returns>The app, or the error (not in the catalog, invalid).</returns>
    public AppResult<AppDefinition> Load(string id, IReadOnlyDictionary<string, string> environment)
    {
        if (!AppIds.IsValid(id))
        {
            return AppResult<AppDefinition>.Fail(AppIds.Invalid(id));
        }

        if (FindFile(id) is not { } file)
        {
            var known = ListIds();
            var hint = known.Count == 0 ? $"the catalog {Directory} has no apps" : "apps in the catalog: " + string.Join(", ", known);
            return AppResult<AppDefinition>.Fail(new AppError(
                AppErrorCode.NotFoundInCatalog, id, $"app \"{id}\" is not in the catalog: there is no {Path.Combine(FolderOf(id), "compose.yaml")}; {hint}"));
        }

        return LoadText(id, File.ReadAllText(file), file, environment);
    }

    /// <summary>Loads a Compose text kept from an earlier install as app <paramref name="id"/>, with the entry's folder as the
    /// project directory (relative secret and env files resolve there).</summary>
    /// <param name="id">The app id.</param>
    /// <param name="text">The Compose text.</param>
    /// <param name="file">Where the text is (or was) read from; written when it does not hold the text.</param>
    /// <param name="environment">The variables interpolation sees.</param>
    /// <returns>The app, or the error.</returns>
    public AppResult<AppDefinition> LoadText(string id, string text, string file, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (!File.Exists(file) || File.ReadAllText(file) != text)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        var result = ComposeLoader.Load(new LoadOptions
        {
            Files = [file],
            ProjectName = id,
            WorkingDirectory = FolderOf(id),
            Environment = environment,
            Profiles = [],
        });
        if (result.Project is not { } project)
        {
            return AppResult<AppDefinition>.Fail(new AppError(
                AppErrorCode.InvalidApp, id, $"app \"{id}\": the Compose file {file} has errors; fix them in the catalog")
            {
                Reasons = result.Errors.Select(e => e.ToString()).ToList(),
            });
        }

        var secretErrors = AppSecrets.Check(project);
        if (secretErrors.Count > 0)
        {
            return AppResult<AppDefinition>.Fail(new AppError(
                AppErrorCode.InvalidApp, id, $"app \"{id}\": {string.Join("; ", secretErrors)}")
            { Reasons = secretErrors });
        }

        return AppResult<AppDefinition>.Ok(new AppDefinition(id, project, text));
    }
}

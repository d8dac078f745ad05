using System.Text.Json;

namespace Coxswain.Apps;

/// <summary>
/// The installed apps, one folder per app under a state folder: <c>&lt;dir&gt;/&lt;id&gt;/app.json</c> (the record) and the Compose
/// texts it was installed from. Writes go to a temporary file first and are then renamed, so a crash never leaves half a
/// record. The folder is created owner-only. Callers serialise operations per app.
/// </summary>
public sealed class AppStore
{
    private const string RecordFile = "app.json";

    /// <summary>Creates a store in <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The state folder.</param>
    public AppStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The state folder.</summary>
    public string Directory { get; }

    /// <summary>Reads one app's record.</summary>
    /// <param name="id">The app id.</param>
    /// <returns>The record, or null when the app is not in the store.</returns>
    public InstalledApp? Get(string id)
    {
        var file = Path.Combine(FolderOf(id), RecordFile);
        if (!File.Exists(file))
        {
            return null;
        }

        return JsonSerializer.Deserialize(File.ReadAllText(file), AppStoreJsonContext.Default.InstalledApp)
            ?? throw new InvalidDataException($"the app record {file} is empty; remove the file to forget app \"{id}\"");
    }

    /// <summary>Every record, by id.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<InstalledApp> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(AppIds.IsValid)
            .Order(StringComparer.Ordinal)
            .Select(Get)
            .OfType<InstalledApp>()
            .ToList();
    }

    /// <summary>Writes a record (atomically).</summary>
    /// <param name="app">The record.</param>
    public void Save(InstalledApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = FolderOf(app.Id);
        CreateOwnerOnly(Directory);
        CreateOwnerOnly(folder);
        var file = Path.Combine(folder, RecordFile);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(app, AppStoreJsonContext.Default.InstalledApp));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Forgets an app (its folder goes).</summary>
    /// <param name="id">The app id.</param>
    public void Delete(string id)
    {
        var folder = FolderOf(id);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Where a kept Compose text of an app is written to be loaded again.</summary>
    /// <param name="id">The app id.</param>
    /// <param name="kind">"current" or "previous".</param>
    /// <returns>The path.</returns>
    public string ComposeFileOf(string id, string kind) => Path.Combine(FolderOf(id), kind + ".compose.yaml");

    private string FolderOf(string id) => AppIds.IsValid(id) ? Path.Combine(Directory, id) : throw new ArgumentException(AppIds.Invalid(id).Message, nameof(id));

    private static void CreateOwnerOnly(string folder)
    {
        if (System.IO.Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(folder);
        }
        else
        {
            System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

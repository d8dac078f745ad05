namespace Coxswain.Compose.Tests;

/// <summary>A project folder in the temp directory with files written by the test, loaded with an injected environment.</summary>
internal sealed class TempProject : IDisposable
{
    private readonly string _root;

    public TempProject(string folderName = "app")
    {
        _root = Path.Combine(Path.GetTempPath(), "cox-compose-tests", Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(_root, folderName);
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal) { ["HOME"] = "/home/tester" };

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public LoadResult Load(params string[] files) => Load(new LoadOptions(), files);

    public LoadResult Load(LoadOptions options, params string[] files) => ComposeLoader.Load(options with
    {
        Files = files.Length == 0 ? options.Files : files.Select(f => Path.Combine(Dir, f)).ToList(),
        WorkingDirectory = options.WorkingDirectory ?? (files.Length == 0 && options.Files.Count == 0 ? Dir : null),
        Environment = options.Environment ?? Environment,
    });

    /// <summary>Writes compose.yaml and loads it, expecting no errors.</summary>
    public ComposeProject LoadValid(string yaml)
    {
        Write("compose.yaml", yaml);
        var result = Load("compose.yaml");
        Assert.True(result.Succeeded, "expected no errors, got:\n" + string.Join("\n", result.Diagnostics));
        return result.Project!;
    }

    /// <summary>Writes compose.yaml, loads it, and returns the diagnostics as compiler text.</summary>
    public List<string> Diagnose(string yaml)
    {
        Write("compose.yaml", yaml);
        return Load("compose.yaml").Diagnostics.Select(d => d.ToString()).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

namespace Coxswain.Cli.Tests.Plan;

/// <summary>A temporary folder for a plan file, its journal and whatever its tasks write; deleted at the end.</summary>
internal sealed class PlanDirectory : IDisposable
{
    public PlanDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cox-plan-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Journal => File("plans.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp folder is cleaned eventually.
        }
    }
}

using Coxswain.Compose;

namespace Coxswain.Supervision.Tests.Support;

/// <summary>Writes Compose text into a temporary folder and loads it (no process environment).</summary>
internal static class ComposeText
{
    public static ComposeProject Load(string yaml, string name = "box")
    {
        var directory = Path.Combine(Path.GetTempPath(), "cox-supervision-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(file, yaml);
        var result = ComposeLoader.Load(new LoadOptions { Files = [file], ProjectName = name, Environment = new Dictionary<string, string>() });
        return result.Project ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}

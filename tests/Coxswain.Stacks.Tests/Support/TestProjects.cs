using Coxswain.Compose;

namespace Coxswain.Stacks.Tests.Support;

/// <summary>Loads Compose text from a temporary folder, with no process environment.</summary>
internal static class TestProjects
{
    public static ComposeProject Load(string yaml, string name = "demo", params (string Name, string Text)[] files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cox-stacks-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "compose.yaml");
        File.WriteAllText(file, yaml);
        foreach (var (extra, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, extra), text);
        }

        var result = ComposeLoader.Load(new LoadOptions { Files = [file], ProjectName = name, Environment = new Dictionary<string, string>() });
        return result.Project ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    public const string WebAndDb = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            healthcheck:
              test: ["CMD", "true"]
              interval: 1s
          cache:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 1000"]
            ports: ["8080:80"]
            depends_on:
              db:
                condition: service_healthy
                restart: true
              cache:
                condition: service_started
            volumes:
              - data:/data
        volumes:
          data: {}
        """;
}

namespace Coxswain.Compose.Tests.Conformance;

/// <summary>Finds the shared conformance corpus beside the repository: walk up to the folder holding Coxswain.slnx, then ../shared/...</summary>
internal static class ConformanceFolder
{
    public static string? Find(string relative)
    {
        var sourceDirectory = typeof(ConformanceFolder).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, sourceDirectory }.OfType<string>())
        {
            if (FindFrom(start, relative) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FindFrom(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Coxswain.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", relative));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    /// <summary>The folder, or a skip (locally) / failure (in CI) when it is missing.</summary>
    public static string Require(string relative)
    {
        if (Find(relative) is { } folder)
        {
            return folder;
        }

        var message = $"the conformance corpus ../shared/{relative} beside the repository is missing";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + "; CI must have it");
        }

        Assert.Skip(message);
        return string.Empty;
    }
}

namespace Coxswain.Compose;

/// <summary>The default Compose file names, looked for when no <c>-f</c> is given.</summary>
public static class ComposeFiles
{
    /// <summary>The names tried, in order; the first that exists is the base file.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    /// <summary>The base file in the directory and its override companion (<c>compose.override.yaml</c> for <c>compose.yaml</c>, ...), or an empty list.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The absolute paths found.</returns>
    public static IReadOnlyList<string> Find(string directory)
    {
        foreach (var name in DefaultNames)
        {
            var file = Path.Combine(directory, name);
            if (!File.Exists(file))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(name);
            foreach (var extension in new[] { ".yaml", ".yml" })
            {
                var overrideFile = Path.Combine(directory, stem + ".override" + extension);
                if (File.Exists(overrideFile))
                {
                    return [Path.GetFullPath(file), Path.GetFullPath(overrideFile)];
                }
            }

            return [Path.GetFullPath(file)];
        }

        return [];
    }
}

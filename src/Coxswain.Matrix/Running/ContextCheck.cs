using Coxswain.Engine;

namespace Coxswain.Matrix;

/// <summary>Spots a setup that rebuilds on every run: the root folder (which receives logs/ and .cache/) inside the build
/// context without .dockerignore excluding them, so each run's logs change the content hash.</summary>
public static class ContextCheck
{
    private static readonly string[] RunFolders = ["logs", ".cache"];

    /// <summary>A warning for people, or null when the setup is fine.</summary>
    public static string? Warning(MatrixDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = Path.TrimEndingDirectorySeparator(definition.ContextDirectory) + Path.DirectorySeparatorChar;
        var root = Path.TrimEndingDirectorySeparator(definition.RootDirectory) + Path.DirectorySeparatorChar;
        if (!root.StartsWith(context, StringComparison.Ordinal))
        {
            return null;
        }

        var ignore = DockerIgnore.Load(definition.ContextDirectory);
        var prefix = root.Length == context.Length ? "" : root[context.Length..].Replace('\\', '/');
        var included = RunFolders.Where(f => !ignore.IsExcluded(prefix + f + "/x")).ToList();
        return included.Count == 0
            ? null
            : $"the root folder {definition.RootDirectory} is inside the build context and .dockerignore does not exclude {string.Join(" and ", included.Select(f => prefix + f))}: "
                + "each run's logs change the content hash, so every run rebuilds. Add them to " + Path.Combine(definition.ContextDirectory, DockerIgnore.FileName) + ".";
    }
}

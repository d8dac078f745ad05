using System.Text;

namespace Coxswain.Matrix;

/// <summary><c>--shell</c>: the <c>docker run -it</c> command line that opens an interactive shell in a target's image with the
/// same mounts, environment and working directory as its test containers: what <c>--shell</c> prints when the engine client cannot attach.</summary>
public static class ShellCommand
{
    /// <summary>The command line for <paramref name="target"/> of <paramref name="definition"/> running <paramref name="image"/>.</summary>
    public static string Format(MatrixDefinition definition, string target, string image, string client = "docker")
    {
        ArgumentNullException.ThrowIfNull(definition);
        var words = new List<string> { client, "run", "-it", "--rm", "--name", $"{MatrixNames.Repository(definition.Name, target)}-shell" };
        foreach (var mount in ContainerSpecFactory.Mounts(definition, target))
        {
            words.Add("-v");
            words.Add($"{mount.Source}:{mount.Target}{(mount.ReadOnly ? ":ro" : "")}");
        }

        foreach (var (key, value) in ContainerSpecFactory.Environment(definition, target).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            words.Add("-e");
            words.Add($"{key}={value}");
        }

        words.Add("-w");
        words.Add(definition.WorkingDirectory);
        words.Add(image);
        words.Add("sh");
        return string.Join(' ', words.Select(Quote));
    }

    /// <summary>Quotes a word for a POSIX shell when it needs it.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c, StringComparison.Ordinal)))
        {
            return word;
        }

        return new StringBuilder("'").Append(word.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'').ToString();
    }
}

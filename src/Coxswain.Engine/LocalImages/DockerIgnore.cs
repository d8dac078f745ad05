using System.Text;
using System.Text.RegularExpressions;

namespace Coxswain.Engine;

/// <summary>
/// The patterns of a <c>.dockerignore</c> file, matched as Docker does: one pattern a line, <c>#</c> comments, <c>*</c> and
/// <c>?</c> within one path segment, <c>**</c> across segments, <c>[...]</c> classes, <c>\</c> escapes, a leading <c>/</c>
/// ignored, and <c>!</c> re-including what an earlier pattern excluded. A pattern that matches a folder excludes everything in it;
/// the last matching pattern wins.
/// </summary>
public sealed class DockerIgnore
{
    /// <summary>The file name Docker reads in a build context.</summary>
    public const string FileName = ".dockerignore";

    private readonly IReadOnlyList<Rule> _rules;

    private DockerIgnore(IReadOnlyList<Rule> rules)
    {
        _rules = rules;
    }

    /// <summary>Ignores nothing.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>The patterns in order, as cleaned (with their leading <c>!</c> when they re-include).</summary>
    public IReadOnlyList<string> Patterns => _rules.Select(r => r.Negated ? "!" + r.Pattern : r.Pattern).ToArray();

    /// <summary>True when some pattern re-includes (<c>!</c>), so an excluded folder may still hold included files.</summary>
    public bool HasExceptions => _rules.Any(r => r.Negated);

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var negated = line[0] == '!';
            var pattern = Clean(negated ? line[1..].Trim() : line);
            if (pattern.Length == 0)
            {
                continue;
            }

            rules.Add(new Rule(pattern, negated, new Regex(ToRegex(pattern), RegexOptions.CultureInvariant)));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Reads <c>.dockerignore</c> from <paramref name="contextDirectory"/>; <see cref="Empty"/> when there is none.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    /// <summary>True when <paramref name="relativePath"/> (relative to the context, <c>/</c>-separated) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Clean(relativePath.Replace('\\', '/'));
        var excluded = false;
        foreach (var rule in _rules)
        {
            if (excluded == !rule.Negated)
            {
                continue; // This rule could not change the outcome.
            }

            if (MatchesOrParentMatches(rule.Regex, path))
            {
                excluded = !rule.Negated;
            }
        }

        return excluded;
    }

    private static bool MatchesOrParentMatches(Regex regex, string path)
    {
        if (regex.IsMatch(path))
        {
            return true;
        }

        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (regex.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like Go's filepath.Clean on a relative, slash-separated path: no leading or trailing slash, no "." segments,
    /// ".." resolved where possible, no doubled slashes.</summary>
    private static string Clean(string pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        // "**/" matches zero or more whole folders.
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var body = pattern[(i + 1)..end];
                    if (body.StartsWith('^') || body.StartsWith('!'))
                    {
                        body = "^" + body[1..];
                    }

                    regex.Append('[').Append(body.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    private sealed record Rule(string Pattern, bool Negated, Regex Regex);
}

using System.Text;
using System.Text.Json;

namespace Coxswain.Engine.Testing;

/// <summary>Reads a Dockerfile into instructions, and the pieces of instructions the in-memory build needs.</summary>
internal static class DockerfileParser
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var result = new List<DockerfileInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (current.Length == 0 && (trimmed.Length == 0 || trimmed.StartsWith('#')))
            {
                continue;
            }

            if (current.Length > 0 && trimmed.StartsWith('#'))
            {
                continue;
            }

            if (current.Length == 0)
            {
                startLine = i + 1;
            }

            if (trimmed.EndsWith('\\'))
            {
                current.Append(trimmed[..^1].TrimEnd()).Append(' ');
                continue;
            }

            current.Append(trimmed);
            Add(result, current.ToString().Trim(), startLine);
            current.Clear();
        }

        if (current.Length > 0)
        {
            Add(result, current.ToString().Trim(), startLine);
        }

        return result;
    }

    private static void Add(List<DockerfileInstruction> result, string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        result.Add(new DockerfileInstruction(line, keyword, arguments));
    }

    /// <summary>A JSON array (exec form), or null for the shell form.</summary>
    public static IReadOnlyList<string>? ExecForm(string arguments)
    {
        if (!arguments.StartsWith('['))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(arguments);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>CMD/ENTRYPOINT/RUN arguments as a command line: the exec form, or ["/bin/sh", "-c", text].</summary>
    public static IReadOnlyList<string> CommandLine(string arguments) => ExecForm(arguments) ?? ["/bin/sh", "-c", arguments];

    /// <summary>Splits on blanks, honouring single and double quotes and backslash escapes; quotes are removed.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (c == '\\' && q == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>ENV and LABEL pairs: "k=v k2='v 2'" or the legacy "k value with spaces".</summary>
    public static List<KeyValuePair<string, string>> Pairs(string arguments)
    {
        var words = Words(arguments);
        if (words.Count > 0 && !words[0].Contains('=', StringComparison.Ordinal))
        {
            return [new(words[0], string.Join(' ', words.Skip(1)))];
        }

        return words.Select(w =>
        {
            var eq = w.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? new KeyValuePair<string, string>(w, "") : new KeyValuePair<string, string>(w[..eq], w[(eq + 1)..]);
        }).ToList();
    }

    /// <summary>Replaces $NAME and ${NAME} from <paramref name="values"/> (unknown names become empty).</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        var output = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                output.Append(text[i]);
                continue;
            }

            string name;
            if (text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    output.Append(text[i]);
                    continue;
                }

                name = text[(i + 2)..end];
                i = end;
            }
            else
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end == start)
                {
                    output.Append(text[i]);
                    continue;
                }

                name = text[start..end];
                i = end - 1;
            }

            var colon = name.IndexOf(":-", StringComparison.Ordinal);
            var fallback = colon < 0 ? "" : name[(colon + 2)..];
            name = colon < 0 ? name : name[..colon];
            output.Append(values.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback);
        }

        return output.ToString();
    }
}

using System.Text;

namespace Coxswain.Compose;

/// <summary>
/// Splits a command string into words the way Compose does for <c>command</c> and <c>entrypoint</c>: blanks separate words,
/// single quotes keep everything literally, double quotes keep blanks and honour <c>\"</c>, <c>\\</c>, <c>\$</c> and <c>\`</c>,
/// and a backslash outside quotes escapes the next character. No variable expansion (that is interpolation's job).
/// </summary>
public static class ShellWords
{
    /// <summary>Splits a command string.</summary>
    /// <param name="text">The command.</param>
    /// <param name="words">The words.</param>
    /// <param name="error">Why it cannot be split (an unclosed quote), when it cannot.</param>
    /// <returns>True when it was split.</returns>
    public static bool TrySplit(string text, out IReadOnlyList<string> words, out string? error)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        error = null;
        words = result;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        result.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                case '\\':
                    inWord = true;
                    if (i + 1 < text.Length)
                    {
                        if (text[i + 1] != '\n')
                        {
                            current.Append(text[i + 1]);
                        }

                        i++;
                    }

                    break;
                case '\'':
                    inWord = true;
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = "unclosed single quote";
                        return false;
                    }

                    current.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    if (!ReadDoubleQuoted(text, ref i, current))
                    {
                        error = "unclosed double quote";
                        return false;
                    }

                    break;
                default:
                    inWord = true;
                    current.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        return true;
    }

    /// <summary>Splits a command string or throws.</summary>
    /// <param name="text">The command.</param>
    /// <returns>The words.</returns>
    /// <exception cref="FormatException">When a quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string text) =>
        TrySplit(text, out var words, out var error) ? words : throw new FormatException($"cannot split \"{text}\": {error}");

    private static bool ReadDoubleQuoted(string text, ref int i, StringBuilder current)
    {
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return true;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (text[i + 1] != '\n')
                {
                    current.Append(text[i + 1]);
                }

                i++;
                continue;
            }

            current.Append(c);
        }

        return false;
    }
}

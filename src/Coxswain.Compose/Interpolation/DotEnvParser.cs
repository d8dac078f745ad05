using System.Text;

namespace Coxswain.Compose;

/// <summary>
/// Reads dotenv files (<c>.env</c>, <c>--env-file</c>, a service's <c>env_file</c>): <c>KEY=value</c> lines, an optional <c>export </c>
/// prefix, <c>#</c> comments, single quotes (literal), double quotes (escapes <c>\n</c> <c>\t</c> <c>\"</c> <c>\\</c>, may span lines),
/// and interpolation of unquoted and double-quoted values. A bare <c>KEY</c> has no value.
/// </summary>
internal static class DotEnvParser
{
    public static List<DotEnvEntry> Parse(string text, string file, Func<string, string?> lookup, DiagnosticBag diagnostics)
    {
        var entries = new List<DotEnvEntry>();
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var interpolator = new Interpolator(name => lookup(name) ?? own.GetValueOrDefault(name));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var location = new SourceLocation(file, n + 1, line.Length - trimmed.Length + 1);
            if (trimmed.StartsWith("export ", StringComparison.Ordinal))
            {
                trimmed = trimmed[7..].TrimStart();
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            var key = (separator < 0 ? trimmed : trimmed[..separator]).Trim();
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, location, string.Empty, $"bad line in env file: \"{line.Trim()}\" (expected KEY=value)");
                continue;
            }

            if (separator < 0)
            {
                entries.Add(new DotEnvEntry(key, null, location));
                continue;
            }

            var raw = trimmed[(separator + 1)..].TrimStart();
            var value = ReadValue(raw, lines, ref n, out var interpolate, out var error);
            if (error is not null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, location, string.Empty, $"{key}: {error}");
                continue;
            }

            if (interpolate)
            {
                var result = interpolator.Interpolate(value);
                if (result.Error is not null)
                {
                    diagnostics.Error(DiagnosticCodes.Interpolation, location, string.Empty, $"{key}: {result.Error}");
                    continue;
                }

                value = result.Value!;
            }

            own[key] = value;
            entries.Add(new DotEnvEntry(key, value, location));
        }

        return entries;
    }

    private static string ReadValue(string raw, string[] lines, ref int n, out bool interpolate, out string? error)
    {
        error = null;
        interpolate = true;
        if (raw.StartsWith('\''))
        {
            interpolate = false;
            var close = raw.IndexOf('\'', 1);
            if (close < 0)
            {
                error = "unclosed single quote";
                return string.Empty;
            }

            return raw[1..close];
        }

        if (raw.StartsWith('"'))
        {
            return ReadDoubleQuoted(raw, lines, ref n, out error);
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).TrimEnd();
    }

    private static string ReadDoubleQuoted(string raw, string[] lines, ref int n, out string? error)
    {
        error = null;
        var value = new StringBuilder();
        var text = raw[1..];
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    i++;
                    value.Append(text[i] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        _ => text[i],
                    });
                    continue;
                }

                value.Append(c);
            }

            if (n + 1 >= lines.Length)
            {
                error = "unclosed double quote";
                return string.Empty;
            }

            value.Append('\n');
            text = lines[++n];
        }
    }
}

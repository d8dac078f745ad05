using System.Text;

namespace Coxswain.Compose;

/// <summary>
/// Compose variable interpolation: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?message}</c>, <c>${VAR?message}</c>, <c>${VAR:+alternative}</c>, <c>${VAR+alternative}</c>, nested in defaults,
/// and <c>$$</c> for a literal <c>$</c>.
/// </summary>
internal sealed class Interpolator(Func<string, string?> lookup)
{
    private List<string> _unset = [];

    public InterpolationResult Interpolate(string text)
    {
        _unset = [];
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new InterpolationResult(text, null, _unset);
        }

        try
        {
            var position = 0;
            var value = Expand(text, ref position, stopAtBrace: false);
            return new InterpolationResult(value, null, _unset);
        }
        catch (FormatException ex)
        {
            return new InterpolationResult(null, ex.Message, _unset);
        }
    }

    private string Expand(string text, ref int i, bool stopAtBrace)
    {
        var result = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (stopAtBrace && c == '}')
            {
                return result.ToString();
            }

            if (c != '$')
            {
                result.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw new FormatException($"invalid interpolation in \"{text}\": a lone \"$\" at the end; write \"$$\" for a literal dollar sign");
            }

            var next = text[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                i += 2;
                result.Append(Braced(text, ref i));
            }
            else if (IsNameStart(next))
            {
                var start = i + 1;
                i = start;
                while (i < text.Length && IsNameChar(text[i]))
                {
                    i++;
                }

                result.Append(Resolve(text[start..i]));
            }
            else
            {
                throw new FormatException($"invalid interpolation in \"{text}\": \"${next}\" is not a variable; write \"$$\" for a literal dollar sign");
            }
        }

        if (stopAtBrace)
        {
            throw new FormatException($"invalid interpolation in \"{text}\": \"${{\" is not closed by \"}}\"");
        }

        return result.ToString();
    }

    private string Braced(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        var name = text[start..i];
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            throw new FormatException($"invalid interpolation in \"{text}\": expected a variable name after \"${{\"");
        }

        if (i >= text.Length)
        {
            throw new FormatException($"invalid interpolation in \"{text}\": \"${{{name}\" is not closed by \"}}\"");
        }

        if (text[i] == '}')
        {
            i++;
            return Resolve(name);
        }

        var colon = text[i] == ':';
        var opIndex = colon ? i + 1 : i;
        var op = opIndex < text.Length ? text[opIndex] : '\0';
        if (op is not ('-' or '?' or '+'))
        {
            throw new FormatException($"invalid interpolation in \"{text}\": unsupported operator after \"${{{name}\" (use :-, -, :?, ?, :+ or +)");
        }

        i = opIndex + 1;
        var value = lookup(name);
        var isSet = value is not null;
        var hasValue = colon ? !string.IsNullOrEmpty(value) : isSet;

        // The operand is expanded only when it is used, so a ${X:?...} nested in an unused default does not fire.
        string operand;
        switch (op)
        {
            case '-' when !hasValue:
            case '+' when hasValue:
                operand = Expand(text, ref i, stopAtBrace: true);
                i++;
                return operand;
            case '?' when !hasValue:
                operand = Expand(text, ref i, stopAtBrace: true);
                var requirement = colon ? "is missing a value" : "is not set";
                throw new FormatException(operand.Length > 0 ? $"required variable \"{name}\" {requirement}: {operand}" : $"required variable \"{name}\" {requirement}");
            default:
                SkipOperand(text, ref i, name);
                return op == '+' ? string.Empty : value ?? string.Empty;
        }
    }

    private static void SkipOperand(string text, ref int i, string name)
    {
        var depth = 0;
        for (; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (text[i] == '}')
            {
                if (depth == 0)
                {
                    i++;
                    return;
                }

                depth--;
            }
        }

        throw new FormatException($"invalid interpolation in \"{text}\": \"${{{name}\" is not closed by \"}}\"");
    }

    private string Resolve(string name)
    {
        var value = lookup(name);
        if (value is null)
        {
            _unset.Add(name);
            return string.Empty;
        }

        return value;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

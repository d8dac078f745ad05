using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>Words: quoting ('...', "...", \), and parameters ($X, ${X}, ${X:-d}, $?, $1).</summary>
internal sealed partial class ShellLexer
{
    private static bool IsWordEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

    private ShellWord ReadWord()
    {
        _wordStart = _pos;
        var parts = new List<WordPart>();
        var literal = new StringBuilder();
        var literalQuoted = false;

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new LiteralPart(literal.ToString(), literalQuoted));
                literal.Clear();
            }
        }

        void Append(string text, bool quoted)
        {
            if (literal.Length > 0 && literalQuoted != quoted)
            {
                Flush();
            }

            literalQuoted = quoted;
            literal.Append(text);
        }

        while (_pos < _text.Length && !IsWordEnd(_text[_pos]))
        {
            var c = _text[_pos];
            switch (c)
            {
                case '\'':
                    {
                        var end = _text.IndexOf('\'', _pos + 1);
                        if (end < 0)
                        {
                            throw new ShellSyntaxException("unterminated quoted string");
                        }

                        var content = _text[(_pos + 1)..end];
                        if (content.Length == 0)
                        {
                            Flush();
                            parts.Add(new LiteralPart("", true));
                        }
                        else
                        {
                            Append(content, true);
                        }

                        _pos = end + 1;
                        break;
                    }

                case '"':
                    _pos++;
                    ReadDoubleQuoted(parts, Flush, Append);
                    break;
                case '\\':
                    if (Peek(1) == '\n')
                    {
                        _pos += 2;
                    }
                    else if (Peek(1) is { } escaped)
                    {
                        Append(escaped.ToString(), true);
                        _pos += 2;
                    }
                    else
                    {
                        Append("\\", false);
                        _pos++;
                    }

                    break;
                case '$':
                    if (ReadParameter(false) is { } parameter)
                    {
                        Flush();
                        parts.Add(parameter);
                    }
                    else
                    {
                        Append("$", false);
                    }

                    break;
                case '`':
                    throw Unsupported("command substitution (`...`)");
                default:
                    Append(c.ToString(), false);
                    _pos++;
                    break;
            }
        }

        Flush();
        return new ShellWord(parts);
    }

    private void ReadDoubleQuoted(List<WordPart> parts, Action flush, Action<string, bool> append)
    {
        var any = false;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new ShellSyntaxException("unterminated quoted string");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                if (!any)
                {
                    flush();
                    parts.Add(new LiteralPart("", true));
                }

                return;
            }

            any = true;
            if (c == '\\' && Peek(1) is '$' or '`' or '"' or '\\' or '\n')
            {
                if (Peek(1) != '\n')
                {
                    append(_text[_pos + 1].ToString(), true);
                }

                _pos += 2;
            }
            else if (c == '$')
            {
                if (ReadParameter(true) is { } parameter)
                {
                    flush();
                    parts.Add(parameter);
                }
                else
                {
                    append("$", true);
                }
            }
            else if (c == '`')
            {
                throw Unsupported("command substitution (`...`)");
            }
            else
            {
                append(c.ToString(), true);
                _pos++;
            }
        }
    }

    /// <summary>At a '$': reads a parameter, or returns null (and consumes the '$') when none follows.</summary>
    private ParameterPart? ReadParameter(bool quoted)
    {
        _pos++;
        var c = Peek();
        if (c == '(')
        {
            throw Unsupported(Peek(1) == '(' ? "arithmetic expansion $((...))" : "command substitution $(...)");
        }

        if (c == '{')
        {
            var end = _text.IndexOf('}', _pos);
            if (end < 0)
            {
                throw new ShellSyntaxException("missing '}'");
            }

            var body = _text[(_pos + 1)..end];
            _pos = end + 1;
            var nameLength = 0;
            if (body.Length > 0 && body[0] is '?' or '$' or '!' or '#' or '@' or '*')
            {
                nameLength = 1;
            }
            else
            {
                while (nameLength < body.Length && (char.IsAsciiLetterOrDigit(body[nameLength]) || body[nameLength] == '_'))
                {
                    nameLength++;
                }
            }

            if (nameLength == 0)
            {
                throw Unsupported($"parameter expansion ${{{body}}}");
            }

            var name = body[..nameLength];
            var rest = body[nameLength..];
            if (rest.Length == 0)
            {
                return new ParameterPart(name, quoted);
            }

            if (rest.StartsWith(":-", StringComparison.Ordinal))
            {
                return new ParameterPart(name, quoted, rest[2..], DefaultWhenEmpty: true);
            }

            if (rest.StartsWith('-'))
            {
                return new ParameterPart(name, quoted, rest[1..]);
            }

            throw Unsupported($"parameter expansion ${{{body}}}");
        }

        if (c is '?' or '$' or '!' or '#' or '@' or '*' || (c is { } digit && char.IsAsciiDigit(digit)))
        {
            _pos++;
            return new ParameterPart(c.Value.ToString(), quoted);
        }

        if (c is { } first && (char.IsAsciiLetter(first) || first == '_'))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return new ParameterPart(_text[start.._pos], quoted);
        }

        return null;
    }
}

namespace Coxswain.Engine.Testing;

/// <summary>Splits a script into tokens: quoting ('...', "...", \), parameters ($X, ${X}, ${X:-d}, $?, $1), operators, redirections, comments.</summary>
internal sealed partial class ShellLexer
{
    private readonly string _text;
    private readonly List<ShellToken> _tokens = [];
    private int _pos;
    private int _wordStart;

    private ShellLexer(string text)
    {
        _text = text;
    }

    public static IReadOnlyList<ShellToken> Tokenize(string text)
    {
        var lexer = new ShellLexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private char? Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : null;

    private void Run()
    {
        while (true)
        {
            SkipBlanks();
            if (_pos >= _text.Length)
            {
                _tokens.Add(new ShellToken(ShellTokenKind.End, ""));
                return;
            }

            var c = _text[_pos];
            switch (c)
            {
                case '#':
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }

                    break;
                case '\n':
                    _pos++;
                    Operator("\n");
                    break;
                case ';':
                    if (Peek(1) == ';')
                    {
                        throw Unsupported("'case' (;;)");
                    }

                    _pos++;
                    Operator(";");
                    break;
                case '&':
                    if (Peek(1) == '&')
                    {
                        _pos += 2;
                        Operator("&&");
                    }
                    else if (Peek(1) == '>')
                    {
                        _pos += 2;
                        ReadRedirectTarget(-2, ">");
                    }
                    else
                    {
                        _pos++;
                        Operator("&");
                    }

                    break;
                case '|':
                    if (Peek(1) == '|')
                    {
                        _pos += 2;
                        Operator("||");
                    }
                    else
                    {
                        _pos++;
                        Operator("|");
                    }

                    break;
                case '(' or ')':
                    _pos++;
                    Operator(c.ToString());
                    break;
                case '<' or '>':
                    ReadRedirect(null);
                    break;
                default:
                    var word = ReadWord();
                    if (word.PlainText is { Length: > 0 } digits && digits.All(char.IsAsciiDigit) && Peek() is '<' or '>')
                    {
                        ReadRedirect(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _tokens.Add(new ShellToken(ShellTokenKind.Word, _text[_wordStart.._pos], word));
                    }

                    break;
            }
        }
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length)
        {
            if (_text[_pos] is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else if (_text[_pos] == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Operator(string text) => _tokens.Add(new ShellToken(ShellTokenKind.Operator, text));

    private void ReadRedirect(int? fd)
    {
        var first = _text[_pos++];
        string op;
        if (first == '>' && Peek() == '>')
        {
            _pos++;
            op = ">>";
        }
        else if (Peek() == '&')
        {
            _pos++;
            op = first + "&";
        }
        else
        {
            if (first == '>' && Peek() == '|')
            {
                _pos++;
            }

            op = first.ToString();
        }

        var sourceFd = fd ?? (first == '<' ? 0 : 1);
        if (op.EndsWith('&'))
        {
            SkipBlanks();
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '-'))
            {
                _pos++;
            }

            var target = _text[start.._pos];
            if (target.Length > 0 && (_pos >= _text.Length || IsWordEnd(_text[_pos])))
            {
                var targetFd = target == "-" ? -1 : int.Parse(target, System.Globalization.CultureInfo.InvariantCulture);
                _tokens.Add(new ShellToken(ShellTokenKind.Redirect, $"{sourceFd}{op}{target}", Redirect: new ShellRedirect(sourceFd, op, targetFd, null)));
                return;
            }

            _pos = start;
            ReadRedirectTarget(fd is null && first == '>' ? -2 : sourceFd, first.ToString());
            return;
        }

        ReadRedirectTarget(sourceFd, op);
    }

    private void ReadRedirectTarget(int fd, string op)
    {
        SkipBlanks();
        if (_pos >= _text.Length || IsWordEnd(_text[_pos]))
        {
            throw new ShellSyntaxException($"unexpected {(_pos >= _text.Length ? "end of file" : "\"" + _text[_pos] + "\"")} after redirection \"{op}\"");
        }

        var target = ReadWord();
        _tokens.Add(new ShellToken(ShellTokenKind.Redirect, op, Redirect: new ShellRedirect(fd, op, null, target)));
    }

    private static ShellSyntaxException Unsupported(string what) =>
        new($"{what} is not supported by the in-memory engine's shell (see ShellProgram for the subset)");
}

namespace Coxswain.Engine.Testing;

/// <summary>Parses the in-memory shell's subset: lists with ';' '&amp;' '&amp;&amp;' '||' and newlines, '!', if, while, until,
/// for, { }, simple commands with assignments and redirections.</summary>
internal sealed class ShellParser
{
    private static readonly string[] Reserved = ["then", "do", "done", "fi", "else", "elif", "}", "esac"];
    private readonly IReadOnlyList<ShellToken> _tokens;
    private int _pos;

    private ShellParser(IReadOnlyList<ShellToken> tokens)
    {
        _tokens = tokens;
    }

    public static ShellList Parse(string script)
    {
        var parser = new ShellParser(ShellLexer.Tokenize(script));
        var list = parser.ParseList();
        if (parser.Peek.Kind != ShellTokenKind.End)
        {
            throw new ShellSyntaxException($"unexpected {parser.Peek.Describe()}");
        }

        return list;
    }

    private ShellToken Peek => _tokens[_pos];

    private ShellToken Next() => _tokens[_pos++];

    private void SkipNewlines()
    {
        while (Peek.IsOperator("\n"))
        {
            _pos++;
        }
    }

    private ShellList ParseList(params string[] terminators)
    {
        var items = new List<ShellListItem>();
        while (true)
        {
            SkipNewlines();
            if (Peek.Kind == ShellTokenKind.End || terminators.Any(Peek.IsKeyword) || Peek.IsOperator(")"))
            {
                break;
            }

            var command = ParseAndOr();
            var background = false;
            if (Peek.IsOperator(";") || Peek.IsOperator("\n"))
            {
                _pos++;
            }
            else if (Peek.IsOperator("&"))
            {
                _pos++;
                background = true;
            }
            else if (Peek.Kind != ShellTokenKind.End && !terminators.Any(Peek.IsKeyword))
            {
                throw new ShellSyntaxException($"unexpected {Peek.Describe()}");
            }

            items.Add(new ShellListItem(command, background));
        }

        return new ShellList(items);
    }

    private AndOrList ParseAndOr()
    {
        var pipelines = new List<ShellPipeline> { ParsePipeline() };
        var operators = new List<string>();
        while (Peek.IsOperator("&&") || Peek.IsOperator("||"))
        {
            operators.Add(Next().Text);
            SkipNewlines();
            pipelines.Add(ParsePipeline());
        }

        return new AndOrList(pipelines, operators);
    }

    private ShellPipeline ParsePipeline()
    {
        var negated = false;
        if (Peek.IsKeyword("!"))
        {
            _pos++;
            negated = true;
        }

        var command = ParseCommand();
        if (Peek.IsOperator("|"))
        {
            throw new ShellSyntaxException("pipes ('|') are not supported by the in-memory engine's shell (see ShellProgram for the subset)");
        }

        return new ShellPipeline(negated, command);
    }

    private ShellCommand ParseCommand()
    {
        if (Peek.IsOperator("("))
        {
            throw new ShellSyntaxException("subshells ( ... ) are not supported by the in-memory engine's shell (see ShellProgram for the subset)");
        }

        var keyword = Peek.Kind == ShellTokenKind.Word ? Peek.Word!.PlainText : null;
        ShellCommand command = keyword switch
        {
            "if" => ParseIf(),
            "while" or "until" => ParseLoop(),
            "for" => ParseFor(),
            "{" => ParseGroup(),
            "case" or "function" => throw new ShellSyntaxException($"'{keyword}' is not supported by the in-memory engine's shell (see ShellProgram for the subset)"),
            _ when keyword is not null && Reserved.Contains(keyword) => throw new ShellSyntaxException($"unexpected \"{keyword}\""),
            _ => ParseSimple(),
        };

        if (command is not SimpleCommand && Peek.Kind == ShellTokenKind.Redirect)
        {
            throw new ShellSyntaxException("redirections of compound commands are not supported by the in-memory engine's shell (see ShellProgram for the subset)");
        }

        return command;
    }

    private SimpleCommand ParseSimple()
    {
        var assignments = new List<ShellWord>();
        var words = new List<ShellWord>();
        var redirects = new List<ShellRedirect>();
        while (true)
        {
            var token = Peek;
            if (token.Kind == ShellTokenKind.Word)
            {
                _pos++;
                if (words.Count == 0 && IsAssignment(token.Word!))
                {
                    assignments.Add(token.Word!);
                }
                else
                {
                    words.Add(token.Word!);
                }

                if (Peek.IsOperator("(") && words.Count == 1)
                {
                    throw new ShellSyntaxException("function definitions are not supported by the in-memory engine's shell (see ShellProgram for the subset)");
                }
            }
            else if (token.Kind == ShellTokenKind.Redirect)
            {
                _pos++;
                redirects.Add(token.Redirect!);
            }
            else
            {
                break;
            }
        }

        if (assignments.Count == 0 && words.Count == 0 && redirects.Count == 0)
        {
            throw new ShellSyntaxException($"unexpected {Peek.Describe()}");
        }

        return new SimpleCommand(assignments, words, redirects);
    }

    private IfCommand ParseIf()
    {
        _pos++;
        var branches = new List<(ShellList, ShellList)>();
        ShellList? otherwise = null;
        var condition = ParseList("then");
        Expect("then");
        branches.Add((condition, ParseList("elif", "else", "fi")));
        while (true)
        {
            if (Peek.IsKeyword("elif"))
            {
                _pos++;
                condition = ParseList("then");
                Expect("then");
                branches.Add((condition, ParseList("elif", "else", "fi")));
            }
            else if (Peek.IsKeyword("else"))
            {
                _pos++;
                otherwise = ParseList("fi");
                Expect("fi");
                break;
            }
            else
            {
                Expect("fi");
                break;
            }
        }

        return new IfCommand(branches, otherwise);
    }

    private LoopCommand ParseLoop()
    {
        var until = Next().Word!.PlainText == "until";
        var condition = ParseList("do");
        Expect("do");
        var body = ParseList("done");
        Expect("done");
        return new LoopCommand(until, condition, body);
    }

    private ForCommand ParseFor()
    {
        _pos++;
        var name = Peek.Kind == ShellTokenKind.Word ? Next().Word!.PlainText : null;
        if (name is null)
        {
            throw new ShellSyntaxException($"bad for loop variable near {Peek.Describe()}");
        }

        SkipNewlines();
        List<ShellWord>? items = null;
        if (Peek.IsKeyword("in"))
        {
            _pos++;
            items = [];
            while (Peek.Kind == ShellTokenKind.Word)
            {
                items.Add(Next().Word!);
            }
        }

        if (Peek.IsOperator(";") || Peek.IsOperator("\n"))
        {
            _pos++;
        }

        SkipNewlines();
        Expect("do");
        var body = ParseList("done");
        Expect("done");
        return new ForCommand(name, items ?? [new ShellWord([new ParameterPart("@", false)])], body);
    }

    private GroupCommand ParseGroup()
    {
        _pos++;
        var body = ParseList("}");
        Expect("}");
        return new GroupCommand(body);
    }

    private void Expect(string keyword)
    {
        if (!Peek.IsKeyword(keyword))
        {
            throw new ShellSyntaxException($"unexpected {Peek.Describe()} (expecting \"{keyword}\")");
        }

        _pos++;
    }

    private static bool IsAssignment(ShellWord word)
    {
        if (word.Parts.Count == 0 || word.Parts[0] is not LiteralPart { Quoted: false } first)
        {
            return false;
        }

        var eq = first.Text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        var name = first.Text[..eq];
        return (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}

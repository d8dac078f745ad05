namespace Coxswain.Plans.Yaml;

/// <summary>
/// The <c>when:</c> language of YAML plans, kept small: <c>changed(t)</c>, <c>unchanged(t)</c>,
/// <c>failed(t)</c>, <c>skipped(t)</c>, <c>succeeded(t)</c> (changed or unchanged), <c>true</c>,
/// <c>false</c>, <c>not e</c>, <c>a and b</c>, <c>a or b</c> (and binds tighter), and parentheses.
/// Every task named must be a dependency (direct or indirect) of the task. Using <c>failed(...)</c>
/// lets the task run even though a dependency failed (as GitHub Actions' <c>failure()</c> does).
/// </summary>
internal sealed class WhenExpression
{
    private static readonly string[] Functions = ["changed", "unchanged", "failed", "skipped", "succeeded"];
    private readonly Node root;

    private WhenExpression(string text, Node root, HashSet<(string Name, int Offset)> references)
    {
        Text = text;
        this.root = root;
        References = references;
    }

    public string Text { get; }

    /// <summary>Task names used, each with its offset in the text.</summary>
    public IReadOnlySet<(string Name, int Offset)> References { get; }

    public bool UsesFailed => References.Count > 0 && Mentions(root, "failed");

    public static WhenExpression Parse(string text)
    {
        var tokens = Tokenize(text);
        var references = new HashSet<(string, int)>();
        var position = 0;
        var node = ParseOr(tokens, ref position, references);
        if (position < tokens.Count)
        {
            throw new WhenSyntaxException($"unexpected '{tokens[position].Text}'; join conditions with 'and' or 'or'.", tokens[position].Offset);
        }

        return new WhenExpression(text.Trim(), node, references);
    }

    public bool Evaluate(PlanResults results) => Evaluate(root, results);

    /// <summary>
    /// Evaluates with task names mapped through <paramref name="resolve"/> (a name may stand for
    /// several tasks, see <see cref="TargetFanOut"/>): changed and failed hold if any of them does,
    /// unchanged, skipped and succeeded if all do.
    /// </summary>
    public bool Evaluate(PlanResults results, Func<string, IReadOnlyList<string>> resolve) => Evaluate(root, results, resolve);

    private static bool Evaluate(Node node, PlanResults r, Func<string, IReadOnlyList<string>> resolve) => node switch
    {
        Constant c => c.Value,
        Not n => !Evaluate(n.Inner, r, resolve),
        And a => Evaluate(a.Left, r, resolve) && Evaluate(a.Right, r, resolve),
        Or o => Evaluate(o.Left, r, resolve) || Evaluate(o.Right, r, resolve),
        Status s => s.Function switch
        {
            "changed" => resolve(s.Task).Any(t => r[t].Status == PlanTaskStatus.Changed),
            "failed" => resolve(s.Task).Any(t => r[t].Status == PlanTaskStatus.Failed),
            "unchanged" => resolve(s.Task).All(t => r[t].Status == PlanTaskStatus.Unchanged),
            "skipped" => resolve(s.Task).All(t => r[t].Status == PlanTaskStatus.Skipped),
            _ => resolve(s.Task).All(t => r[t].Status is PlanTaskStatus.Changed or PlanTaskStatus.Unchanged),
        },
        _ => false,
    };

    private static bool Evaluate(Node node, PlanResults r) => node switch
    {
        Constant c => c.Value,
        Not n => !Evaluate(n.Inner, r),
        And a => Evaluate(a.Left, r) && Evaluate(a.Right, r),
        Or o => Evaluate(o.Left, r) || Evaluate(o.Right, r),
        Status s => s.Function switch
        {
            "changed" => r[s.Task].Status == PlanTaskStatus.Changed,
            "unchanged" => r[s.Task].Status == PlanTaskStatus.Unchanged,
            "failed" => r[s.Task].Status == PlanTaskStatus.Failed,
            "skipped" => r[s.Task].Status == PlanTaskStatus.Skipped,
            _ => r[s.Task].Status is PlanTaskStatus.Changed or PlanTaskStatus.Unchanged,
        },
        _ => false,
    };

    private static bool Mentions(Node node, string function) => node switch
    {
        Status s => s.Function == function,
        Not n => Mentions(n.Inner, function),
        And a => Mentions(a.Left, function) || Mentions(a.Right, function),
        Or o => Mentions(o.Left, function) || Mentions(o.Right, function),
        _ => false,
    };

    private static Node ParseOr(List<Token> t, ref int p, HashSet<(string, int)> refs)
    {
        var left = ParseAnd(t, ref p, refs);
        while (p < t.Count && t[p].Text == "or")
        {
            p++;
            left = new Or(left, ParseAnd(t, ref p, refs));
        }

        return left;
    }

    private static Node ParseAnd(List<Token> t, ref int p, HashSet<(string, int)> refs)
    {
        var left = ParseNot(t, ref p, refs);
        while (p < t.Count && t[p].Text == "and")
        {
            p++;
            left = new And(left, ParseNot(t, ref p, refs));
        }

        return left;
    }

    private static Node ParseNot(List<Token> t, ref int p, HashSet<(string, int)> refs)
    {
        if (p < t.Count && t[p].Text == "not")
        {
            p++;
            return new Not(ParseNot(t, ref p, refs));
        }

        return ParsePrimary(t, ref p, refs);
    }

    private static Node ParsePrimary(List<Token> t, ref int p, HashSet<(string, int)> refs)
    {
        if (p >= t.Count)
        {
            throw new WhenSyntaxException("the expression ends too soon; expected a condition such as changed(task).", t.Count == 0 ? 0 : t[^1].Offset + t[^1].Text.Length);
        }

        var token = t[p++];
        switch (token.Text)
        {
            case "(":
                var inner = ParseOr(t, ref p, refs);
                Expect(t, ref p, ")", "a closing ')'");
                return inner;
            case "true":
                return new Constant(true);
            case "false":
                return new Constant(false);
        }

        if (!Functions.Contains(token.Text))
        {
            throw new WhenSyntaxException(
                $"unknown condition '{token.Text}'; use changed(task), unchanged(task), failed(task), skipped(task), succeeded(task), true, false, not, and, or.",
                token.Offset);
        }

        Expect(t, ref p, "(", $"'(' after '{token.Text}'");
        if (p >= t.Count || t[p].Text is "(" or ")")
        {
            throw new WhenSyntaxException($"expected a task name in {token.Text}(...).", p < t.Count ? t[p].Offset : token.Offset);
        }

        var task = t[p++];
        refs.Add((task.Text, task.Offset));
        Expect(t, ref p, ")", $"')' after the task name in {token.Text}(...)");
        return new Status(token.Text, task.Text);
    }

    private static void Expect(List<Token> t, ref int p, string text, string what)
    {
        if (p >= t.Count || t[p].Text != text)
        {
            throw new WhenSyntaxException($"expected {what}.", p < t.Count ? t[p].Offset : (t.Count == 0 ? 0 : t[^1].Offset + t[^1].Text.Length));
        }

        p++;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c.ToString(), i++));
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], start));
            }
            else
            {
                throw new WhenSyntaxException($"unexpected character '{c}'; a condition uses names, parentheses, not, and, or.", i);
            }
        }

        return tokens;
    }

    private readonly record struct Token(string Text, int Offset);

    private abstract record Node;

    private sealed record Constant(bool Value) : Node;

    private sealed record Not(Node Inner) : Node;

    private sealed record And(Node Left, Node Right) : Node;

    private sealed record Or(Node Left, Node Right) : Node;

    private sealed record Status(string Function, string Task) : Node;
}

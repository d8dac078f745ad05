namespace Coxswain.Engine.Testing;

/// <summary>One part of a shell word: literal text, or a parameter to expand.</summary>
internal abstract record WordPart(bool Quoted);

/// <summary>Literal text.</summary>
internal sealed record LiteralPart(string Text, bool Quoted) : WordPart(Quoted);

/// <summary>$NAME, ${NAME}, ${NAME:-default}, $?, $1 ...</summary>
internal sealed record ParameterPart(string Name, bool Quoted, string? Default = null, bool DefaultWhenEmpty = false) : WordPart(Quoted);

/// <summary>A word as written.</summary>
internal sealed record ShellWord(IReadOnlyList<WordPart> Parts)
{
    /// <summary>The text when the word is one unquoted literal (keywords, assignments), else null.</summary>
    public string? PlainText => Parts is [LiteralPart { Quoted: false } literal] ? literal.Text : null;

    public static ShellWord Literal(string text) => new([new LiteralPart(text, true)]);
}

/// <summary>A redirection: <c>&gt;&amp;2</c> (<see cref="TargetFd"/> 2), <c>2&gt;/dev/null</c> (<see cref="Target"/>), ...</summary>
internal sealed record ShellRedirect(int Fd, string Operator, int? TargetFd, ShellWord? Target);

/// <summary>A command.</summary>
internal abstract record ShellCommand;

/// <summary>NAME=value ... word ... with redirections.</summary>
internal sealed record SimpleCommand(IReadOnlyList<ShellWord> Assignments, IReadOnlyList<ShellWord> Words, IReadOnlyList<ShellRedirect> Redirects) : ShellCommand;

/// <summary>if / elif / else / fi.</summary>
internal sealed record IfCommand(IReadOnlyList<(ShellList Condition, ShellList Body)> Branches, ShellList? Else) : ShellCommand;

/// <summary>while / until.</summary>
internal sealed record LoopCommand(bool Until, ShellList Condition, ShellList Body) : ShellCommand;

/// <summary>for NAME in words; do ...; done.</summary>
internal sealed record ForCommand(string Variable, IReadOnlyList<ShellWord> Items, ShellList Body) : ShellCommand;

/// <summary>{ list; }.</summary>
internal sealed record GroupCommand(ShellList Body) : ShellCommand;

/// <summary>[!] command.</summary>
internal sealed record ShellPipeline(bool Negated, ShellCommand Command);

/// <summary>pipeline &amp;&amp; pipeline || pipeline ...; <see cref="Operators"/>[i] joins pipeline i and i+1.</summary>
internal sealed record AndOrList(IReadOnlyList<ShellPipeline> Pipelines, IReadOnlyList<string> Operators);

/// <summary>One and-or list, run in the background when followed by '&amp;'.</summary>
internal sealed record ShellListItem(AndOrList Command, bool Background);

/// <summary>A sequence of commands.</summary>
internal sealed record ShellList(IReadOnlyList<ShellListItem> Items);

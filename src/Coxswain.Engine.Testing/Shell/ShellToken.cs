namespace Coxswain.Engine.Testing;

/// <summary>Kinds of shell token.</summary>
internal enum ShellTokenKind
{
    Word,
    Operator,
    Redirect,
    End,
}

/// <summary>A token: a word, an operator (";", "&amp;", "&amp;&amp;", "|", "||", "(", ")", newline) or a redirection.</summary>
internal sealed record ShellToken(ShellTokenKind Kind, string Text, ShellWord? Word = null, ShellRedirect? Redirect = null)
{
    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;

    public bool IsKeyword(string keyword) => Kind == ShellTokenKind.Word && Word!.PlainText == keyword;

    public string Describe() => Kind switch
    {
        ShellTokenKind.End => "end of file",
        ShellTokenKind.Operator when Text == "\n" => "newline",
        _ => $"\"{Text}\"",
    };
}

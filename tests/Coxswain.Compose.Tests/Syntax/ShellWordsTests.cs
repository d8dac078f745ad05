namespace Coxswain.Compose.Tests.Syntax;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("echo hello", new[] { "echo", "hello" })]
    [InlineData("  echo   hello  ", new[] { "echo", "hello" })]
    [InlineData("sh -c 'echo $HOME; ls'", new[] { "sh", "-c", "echo $HOME; ls" })]
    [InlineData("echo \"a b\" c", new[] { "echo", "a b", "c" })]
    [InlineData("echo \"say \\\"hi\\\"\"", new[] { "echo", "say \"hi\"" })]
    [InlineData("echo a\\ b", new[] { "echo", "a b" })]
    [InlineData("echo ''", new[] { "echo", "" })]
    [InlineData("--default-authentication-plugin=mysql_native_password", new[] { "--default-authentication-plugin=mysql_native_password" })]
    [InlineData("", new string[0])]
    public void Split_Command_GivesWords(string text, string[] expected) => Assert.Equal(expected, ShellWords.Split(text));

    [Theory]
    [InlineData("echo 'oops", "unclosed single quote")]
    [InlineData("echo \"oops", "unclosed double quote")]
    public void TrySplit_UnclosedQuote_SaysWhich(string text, string expected)
    {
        Assert.False(ShellWords.TrySplit(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}

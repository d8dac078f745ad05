namespace Coxswain.Compose.Tests.Interpolation;

public sealed class DotEnvParserTests
{
    [Fact]
    public void Parse_EveryLineForm_GivesEntries()
    {
        var diagnostics = new DiagnosticBag();
        var entries = DotEnvParser.Parse(
            """
            # a comment
            PLAIN=value
            export EXPORTED=yes
            SPACED = padded value   
            INLINE=kept # dropped comment
            HASH=a#b
            SINGLE='literal $PLAIN \n'
            DOUBLE="line1\nline2 $PLAIN"
            MULTI="first
            second"
            BARE
            EMPTY=
            COLON: yaml-style
            REF=${PLAIN}-${FROM_ENV}
            """,
            ".env",
            name => name == "FROM_ENV" ? "env" : null,
            diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            [
                ("PLAIN", "value"), ("EXPORTED", "yes"), ("SPACED", "padded value"), ("INLINE", "kept"), ("HASH", "a#b"),
                ("SINGLE", "literal $PLAIN \\n"), ("DOUBLE", "line1\nline2 value"), ("MULTI", "first\nsecond"), ("BARE", null),
                ("EMPTY", string.Empty), ("COLON", "yaml-style"), ("REF", "value-env"),
            ],
            entries.Select(e => (e.Key, e.Value)));
        Assert.Equal(new SourceLocation(".env", 13, 1), entries.Single(e => e.Key == "COLON").Location);
    }

    [Fact]
    public void Parse_BadLines_ReportFileAndLine()
    {
        var diagnostics = new DiagnosticBag();
        DotEnvParser.Parse("GOOD=1\nBAD KEY=2\nREQ=${NOPE:?needed}\nQUOTE=\"open\nnever closed\n", "app.env", _ => null, diagnostics);
        Assert.Equal(
            [
                "app.env:2:1: bad line in env file: \"BAD KEY=2\" (expected KEY=value)",
                "app.env:3:1: REQ: required variable \"NOPE\" is missing a value: needed",
                "app.env:4:1: QUOTE: unclosed double quote",
            ],
            diagnostics.Items.Select(d => d.ToString()));
    }
}

namespace Coxswain.Compose.Tests.Interpolation;

public sealed class InterpolatorTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["NAME"] = "web",
        ["EMPTY"] = string.Empty,
        ["PORT"] = "8080",
        ["FOO"] = "foo",
    };

    private static InterpolationResult Run(string text) => new Interpolator(Variables.GetValueOrDefault).Interpolate(text);

    [Theory]
    [InlineData("$NAME", "web")]
    [InlineData("${NAME}", "web")]
    [InlineData("pre-${NAME}-post", "pre-web-post")]
    [InlineData("$NAME.$PORT", "web.8080")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${MISSING-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${NAME:-fallback}", "web")]
    [InlineData("${NAME:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${MISSING+alt}", "")]
    [InlineData("${MISSING:-${FOO}}", "foo")]
    [InlineData("${MISSING:-${OTHER:-deep}}", "deep")]
    [InlineData("${MISSING:-$FOO-x}", "foo-x")]
    [InlineData("${NAME:-${MISSING:?never evaluated}}", "web")]
    [InlineData("${MISSING:-a:b}", "a:b")]
    [InlineData("$$NAME", "$NAME")]
    [InlineData("$${NAME}", "${NAME}")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("no variables", "no variables")]
    [InlineData("${MISSING:-}", "")]
    public void Interpolate_Form_GivesValue(string text, string expected)
    {
        var result = Run(text);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Interpolate_UnsetWithoutDefault_IsEmptyAndReported()
    {
        var result = Run("a${MISSING}b$ALSO");
        Assert.Equal("ab", result.Value);
        Assert.Equal(["MISSING", "ALSO"], result.UnsetVariables);
    }

    [Theory]
    [InlineData("${MISSING:?set MISSING to the database URL}", "required variable \"MISSING\" is missing a value: set MISSING to the database URL")]
    [InlineData("${EMPTY:?needs a value}", "required variable \"EMPTY\" is missing a value: needs a value")]
    [InlineData("${MISSING?must be set}", "required variable \"MISSING\" is not set: must be set")]
    [InlineData("${MISSING:?}", "required variable \"MISSING\" is missing a value")]
    [InlineData("${MISSING:?host is $NAME}", "required variable \"MISSING\" is missing a value: host is web")]
    public void Interpolate_MissingRequired_FailsWithMessage(string text, string expected)
    {
        var result = Run(text);
        Assert.Null(result.Value);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Interpolate_EmptyButSetWithoutColon_IsAccepted() => Assert.Equal(string.Empty, Run("${EMPTY?must be set}").Value);

    [Theory]
    [InlineData("${NAME", "invalid interpolation in \"${NAME\": \"${NAME\" is not closed by \"}\"")]
    [InlineData("${}", "invalid interpolation in \"${}\": expected a variable name after \"${\"")]
    [InlineData("${1A}", "invalid interpolation in \"${1A}\": expected a variable name after \"${\"")]
    [InlineData("${NAME/x/y}", "invalid interpolation in \"${NAME/x/y}\": unsupported operator after \"${NAME\" (use :-, -, :?, ?, :+ or +)")]
    [InlineData("5$", "invalid interpolation in \"5$\": a lone \"$\" at the end; write \"$$\" for a literal dollar sign")]
    [InlineData("a $ b", "invalid interpolation in \"a $ b\": \"$ \" is not a variable; write \"$$\" for a literal dollar sign")]
    [InlineData("${MISSING:-${X}", "invalid interpolation in \"${MISSING:-${X}\": \"${\" is not closed by \"}\"")]
    public void Interpolate_Malformed_FailsWithReason(string text, string expected) => Assert.Equal(expected, Run(text).Error);
}

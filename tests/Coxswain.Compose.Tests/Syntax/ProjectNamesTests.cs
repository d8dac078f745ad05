namespace Coxswain.Compose.Tests.Syntax;

public sealed class ProjectNamesTests
{
    [Theory]
    [InlineData("My App", "myapp")]
    [InlineData("pihole-cloudflared-DoH", "pihole-cloudflared-doh")]
    [InlineData("__hidden", "hidden")]
    [InlineData("-x_y-", "x_y-")]
    [InlineData("app.v2", "appv2")]
    [InlineData("Ünïcode", "ncode")]
    [InlineData("...", "")]
    public void Normalize_FolderName_KeepsLowercaseLettersDigitsDashAndUnderscore(string name, string expected) =>
        Assert.Equal(expected, ProjectNames.Normalize(name));

    [Theory]
    [InlineData("app", true)]
    [InlineData("0app_x-y", true)]
    [InlineData("App", false)]
    [InlineData("_app", false)]
    [InlineData("my app", false)]
    [InlineData("", false)]
    public void IsValid_Name_FollowsComposeRules(string name, bool valid) => Assert.Equal(valid, ProjectNames.IsValid(name));

    [Fact]
    public void Explain_InvalidName_SuggestsTheNormalizedOne() => Assert.Equal(
        "invalid project name \"My App\": use only lowercase letters, digits, \"-\" and \"_\", starting with a letter or digit (try \"myapp\")",
        ProjectNames.Explain("My App"));
}

namespace Coxswain.Compose.Tests.Yaml;

public sealed class YamlFeaturesTests
{
    [Fact]
    public void Load_AnchorsAliasesAndMergeKeys_AreResolved()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            x-common: &common
              image: busybox
              restart: always
              environment: &env
                LEVEL: info
            x-labels: &labels
              labels: {team: core}
            services:
              a:
                <<: *common
                command: echo a
              b:
                <<: [*common, *labels]
                restart: "no"
                environment:
                  <<: *env
                  EXTRA: "1"
              c:
                image: nginx
                environment: *env
            """);
        var (a, b, c) = (model.Services[0], model.Services[1], model.Services[2]);
        Assert.Equal("busybox", a.Image);
        Assert.Equal(new ServiceRestart(RestartCondition.Always), a.Restart);
        Assert.Equal(new ServiceRestart(RestartCondition.No), b.Restart);
        Assert.Equal("core", b.Labels["team"]);
        Assert.Equal([("LEVEL", "info"), ("EXTRA", "1")], b.Environment.Select(p => (p.Key, p.Value)));
        Assert.Equal("info", c.Environment["LEVEL"]);
        Assert.Equal(["x-common", "x-labels"], model.Extensions.Keys);
    }

    [Fact]
    public void Load_InvalidYaml_ReportsTheParsersPosition()
    {
        using var project = new TempProject();
        var diagnostics = project.Diagnose("""
            services:
              web:
                image: nginx
               ports: ["80"]
            """);
        var single = Assert.Single(diagnostics);
        Assert.StartsWith("compose.yaml:4:", single, StringComparison.Ordinal);
        Assert.Contains(": invalid YAML: ", single, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedQuote_IsInvalidYamlNotACrash()
    {
        using var project = new TempProject();
        var single = Assert.Single(project.Diagnose("services:\n  web:\n    image: \"nginx\n"));
        Assert.Contains("invalid YAML", single, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_IsAnErrorNamingTheFirst()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:5: duplicate key \"image\" (first defined at line 3); remove one of them"],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    image: httpd
                """));
    }

    [Fact]
    public void Load_UnknownAnchor_IsAnError()
    {
        using var project = new TempProject();
        Assert.Contains("compose.yaml:2:8: unknown anchor \"missing\": define it with &missing before using *missing", project.Diagnose("services:\n  web: *missing\n"));
    }

    [Fact]
    public void Load_EmptyFile_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(["compose.yaml: the file is empty; a Compose file needs at least \"services:\""], project.Diagnose("# nothing here\n"));
    }

    [Fact]
    public void Load_TwoDocuments_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:2:1: a Compose file holds one YAML document; remove the second \"---\" document or move it to its own file"],
            project.Diagnose("services: {web: {image: nginx}}\n---\nservices: {}\n"));
    }

    [Fact]
    public void Load_RootIsAList_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(["compose.yaml:1:1: a Compose file is a mapping (services:, networks:, ...), found a list"], project.Diagnose("- web\n"));
    }
}

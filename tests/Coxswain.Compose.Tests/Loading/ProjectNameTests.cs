namespace Coxswain.Compose.Tests.Loading;

public sealed class ProjectNameTests
{
    private const string Yaml = "name: from-file\nservices: {web: {image: nginx}}\n";

    [Fact]
    public void Load_OptionWins_OverEverything()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", Yaml);
        project.Environment["COMPOSE_PROJECT_NAME"] = "from-env";
        Assert.Equal("from-option", project.Load(new LoadOptions { ProjectName = "from-option" }, "compose.yaml").Project!.Name);
    }

    [Fact]
    public void Load_ComposeProjectNameVariable_WinsOverTheFile()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", Yaml);
        project.Environment["COMPOSE_PROJECT_NAME"] = "from-env";
        Assert.Equal("from-env", project.Load("compose.yaml").Project!.Name);
    }

    [Fact]
    public void Load_NameField_WinsOverTheFolder()
    {
        using var project = new TempProject();
        Assert.Equal("from-file", project.LoadValid(Yaml).Name);
    }

    [Fact]
    public void Load_NoName_UsesTheFolderNormalized()
    {
        using var project = new TempProject("My.Project_Dir");
        Assert.Equal("myproject_dir", project.LoadValid("services: {web: {image: nginx}}").Name);
    }

    [Fact]
    public void Load_InvalidNames_AreErrors()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", "name: My App\nservices: {web: {image: nginx}}\n");
        Assert.Equal(
            ["compose.yaml:1:7: name: invalid project name \"My App\": use only lowercase letters, digits, \"-\" and \"_\", starting with a letter or digit (try \"myapp\")"],
            project.Load("compose.yaml").Diagnostics.Select(d => d.ToString()));
        Assert.Equal(
            ["-p: invalid project name \"_x\": use only lowercase letters, digits, \"-\" and \"_\", starting with a letter or digit (try \"x\")"],
            project.Load(new LoadOptions { ProjectName = "_x" }, "compose.yaml").Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_NoFiles_FindsComposeYamlAndOverride()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", "services: {web: {image: nginx}}\n");
        project.Write("compose.override.yaml", "services: {web: {image: httpd}}\n");
        var model = project.Load().GetProjectOrThrow();
        Assert.Equal("httpd", model.Services[0].Image);
        Assert.Equal([Path.Combine(project.Dir, "compose.yaml"), Path.Combine(project.Dir, "compose.override.yaml")], model.Files);
    }

    [Fact]
    public void Load_NoFilesAndNothingFound_SaysWhereItLooked()
    {
        using var project = new TempProject();
        var error = Assert.Single(project.Load().Diagnostics);
        Assert.Equal($"no Compose file in \"{project.Dir}\" (looked for compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml); give one with -f", error.ToString());
    }
}

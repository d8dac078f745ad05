namespace Coxswain.Compose.Tests.Loading;

public sealed class ProfilesTests
{
    private const string Yaml = """
        services:
          web: {image: nginx, depends_on: [db]}
          db: {image: postgres}
          debug: {image: busybox, profiles: [debug], depends_on: [tools]}
          tools: {image: busybox, profiles: [tools]}
        """;

    [Fact]
    public void ActiveServices_NoProfileEnabled_LeavesProfiledServicesOut()
    {
        using var project = new TempProject();
        var model = project.LoadValid(Yaml);
        Assert.Equal(["web", "db"], model.ActiveServices.Select(s => s.Name));
        Assert.Equal(["debug"], model.FindService("debug")!.Profiles);
    }

    [Fact]
    public void ActiveServices_ProfileEnabled_AddsItsServices()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", Yaml);
        var model = project.Load(new LoadOptions { Profiles = ["debug"] }, "compose.yaml").GetProjectOrThrow();
        Assert.Equal(["web", "db", "debug"], model.ActiveServices.Select(s => s.Name));
    }

    [Fact]
    public void ActiveServices_ComposeProfilesVariable_EnablesProfiles()
    {
        using var project = new TempProject();
        project.Environment["COMPOSE_PROFILES"] = "debug,tools";
        Assert.Equal(["web", "db", "debug", "tools"], project.LoadValid(Yaml).ActiveServices.Select(s => s.Name));
    }

    [Fact]
    public void SelectServices_NamedService_IncludesItsDependenciesWhateverTheirProfiles()
    {
        using var project = new TempProject();
        var model = project.LoadValid(Yaml);
        Assert.Equal(["debug", "tools"], model.SelectServices(["debug"]).Select(s => s.Name));
        Assert.Equal(["web", "db"], model.SelectServices().Select(s => s.Name));
        Assert.Equal("no service \"tool\" in project \"app\" (did you mean \"tools\"?) (Parameter 'names')", Assert.Throws<ArgumentException>(() => model.SelectServices(["tool"])).Message);
    }
}

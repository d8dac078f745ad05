namespace Coxswain.Compose.Tests.Interpolation;

public sealed class InterpolationLoadTests
{
    private const string File = """
        services:
          web:
            image: "nginx:${TAG:-latest}"
            environment:
              FROM_ENV: $ONLY_ENV
              FROM_DOTENV: ${ONLY_DOTENV}
              BOTH: ${BOTH}
              LITERAL: "$$HOME"
        """;

    [Fact]
    public void Load_ProcessEnvironment_OverridesDotEnv()
    {
        using var project = new TempProject();
        project.Write(".env", "BOTH=from-dotenv\nONLY_DOTENV=dotenv\nTAG=1.25\n");
        project.Environment["BOTH"] = "from-env";
        project.Environment["ONLY_ENV"] = "env";
        var web = project.LoadValid(File).Services.Single();
        Assert.Equal("nginx:1.25", web.Image);
        Assert.Equal(
            new Dictionary<string, string> { ["FROM_ENV"] = "env", ["FROM_DOTENV"] = "dotenv", ["BOTH"] = "from-env", ["LITERAL"] = "$HOME" },
            web.Environment);
    }

    [Fact]
    public void Load_EnvFilesOption_ReplacesDotEnvAndLaterFilesWin()
    {
        using var project = new TempProject();
        project.Write(".env", "TAG=from-dotenv\n");
        project.Write("one.env", "TAG=one\nBOTH=one\n");
        project.Write("two.env", "BOTH=two\n");
        project.Write("compose.yaml", File);
        var result = project.Load(new LoadOptions { EnvFiles = [Path.Combine(project.Dir, "one.env"), Path.Combine(project.Dir, "two.env")] }, "compose.yaml");
        var web = result.GetProjectOrThrow().Services.Single();
        Assert.Equal("nginx:one", web.Image);
        Assert.Equal("two", web.Environment["BOTH"]);
        Assert.Equal("two", result.Variables["BOTH"]);
    }

    [Fact]
    public void Load_DotEnvValue_CanUseTheProcessEnvironment()
    {
        using var project = new TempProject();
        project.Write(".env", "TAG=${BASE_TAG}-slim\n");
        project.Environment["BASE_TAG"] = "1.25";
        Assert.Equal("nginx:1.25-slim", project.LoadValid("services: {web: {image: \"nginx:${TAG}\"}}").Services[0].Image);
    }

    [Fact]
    public void Load_UnsetVariable_WarnsOnceWithLocationAndUsesEmptyString()
    {
        using var project = new TempProject();
        var result = project.Diagnose("""
            services:
              web:
                image: nginx
                environment:
                  - A=${NOT_SET}
                  - B=${NOT_SET}
            """);
        Assert.Equal(["compose.yaml:5:9: warning: services.web.environment[0]: variable \"NOT_SET\" is not set; using an empty string (set it in the environment or in .env, or write ${NOT_SET:-default})"], result);
    }

    [Fact]
    public void Load_MissingRequiredVariable_IsAnErrorAtTheValue()
    {
        using var project = new TempProject();
        var result = project.Diagnose("""
            services:
              db:
                image: postgres
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}
            """);
        Assert.Equal(["compose.yaml:5:26: services.db.environment.POSTGRES_PASSWORD: required variable \"DB_PASSWORD\" is missing a value: set DB_PASSWORD in .env"], result);
    }

    [Fact]
    public void Load_KeysAreNotInterpolated_ButListEntriesAre()
    {
        using var project = new TempProject();
        project.Environment["V"] = "x";
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                labels:
                  "$$V": kept
                environment:
                  - "${V}_KEY=${V}"
            """).Services[0];
        Assert.Equal("kept", web.Labels["$$V"]);
        Assert.Equal("x", web.Environment["x_KEY"]);
    }

    [Fact]
    public void Load_InterpolatedNumberAndBoolean_AreReadAsTyped()
    {
        using var project = new TempProject();
        project.Environment["REPLICAS"] = "3";
        project.Environment["RO"] = "true";
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                read_only: ${RO}
                deploy:
                  replicas: ${REPLICAS}
            """).Services[0];
        Assert.True(web.ReadOnly);
        Assert.Equal(3, web.Replicas);
    }
}

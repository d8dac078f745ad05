namespace Coxswain.Compose.Tests.Loading;

public sealed class ImageAndCommandTests
{
    [Fact]
    public void Load_BuildString_IsContextResolvedAgainstProjectDir()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(Path.Combine(project.Dir, "web"));
        var build = project.LoadValid("services: {web: {build: ./web}}").Services[0].Build!;
        Assert.Equal(Path.Combine(project.Dir, "web"), build.Context);
        Assert.Null(build.Dockerfile);
    }

    [Fact]
    public void Load_BuildLongForm_ReadsEveryField()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(Path.Combine(project.Dir, "src"));
        project.Environment["FROM_ENV"] = "env-value";
        var service = project.LoadValid("""
            services:
              web:
                image: example/web:dev
                build:
                  context: src
                  dockerfile: Dockerfile.prod
                  target: runtime
                  args:
                    - VERSION=1.2
                    - FROM_ENV
                    - NOT_SET
                  labels:
                    org.example.team: web
                  tags: [example/web:extra]
                  no_cache: true
                  pull: true
            """).Services[0];
        var build = service.Build!;
        Assert.Equal("example/web:dev", service.Image);
        Assert.Equal(Path.Combine(project.Dir, "src"), build.Context);
        Assert.Equal("Dockerfile.prod", build.Dockerfile);
        Assert.Equal("runtime", build.Target);
        Assert.Equal(new Dictionary<string, string> { ["VERSION"] = "1.2", ["FROM_ENV"] = "env-value" }, build.Args);
        Assert.Equal("web", build.Labels["org.example.team"]);
        Assert.Equal(["example/web:extra"], build.Tags);
        Assert.True(build.NoCache);
        Assert.True(build.Pull);
    }

    [Fact]
    public void Load_BuildContextMissing_WarnsWithLocation()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:3:12: warning: services.web.build.context: build context \"nope\" does not exist; the build will fail until it does"],
            project.Diagnose("""
                services:
                  web:
                    build: nope
                """));
    }

    [Fact]
    public void Load_RemoteBuildContext_IsKeptAsWritten()
    {
        using var project = new TempProject();
        Assert.Equal("https://github.com/example/app.git#main", project.LoadValid("services: {web: {build: \"https://github.com/example/app.git#main\"}}").Services[0].Build!.Context);
    }

    [Theory]
    [InlineData("command: echo hello world", new[] { "echo", "hello", "world" })]
    [InlineData("command: [\"echo\", \"hello world\"]", new[] { "echo", "hello world" })]
    [InlineData("command: sh -c 'echo \"$$HOME\"'", new[] { "sh", "-c", "echo \"$HOME\"" })]
    [InlineData("command: \"\"", new string[0])]
    [InlineData("command: []", new string[0])]
    public void Load_Command_IsSplitLikeAShell(string line, string[] expected)
    {
        using var project = new TempProject();
        var service = project.LoadValid($"services:\n  web:\n    image: busybox\n    {line}\n").Services[0];
        Assert.Equal(expected, service.Command);
        Assert.Null(service.Entrypoint);
    }

    [Fact]
    public void Load_Entrypoint_StringOrList()
    {
        using var project = new TempProject();
        var services = project.LoadValid("""
            services:
              a: {image: busybox, entrypoint: /bin/sh -c}
              b: {image: busybox, entrypoint: ["/bin/sh", "-c"]}
              c: {image: busybox, entrypoint: []}
            """).Services;
        Assert.Equal(["/bin/sh", "-c"], services[0].Entrypoint);
        Assert.Equal(["/bin/sh", "-c"], services[1].Entrypoint);
        Assert.Empty(services[2].Entrypoint!);
    }

    [Fact]
    public void Load_CommandWithUnclosedQuote_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:14: services.web.command: cannot split the command into words: unclosed single quote; close the quote, or write the command as a list"],
            project.Diagnose("""
                services:
                  web:
                    image: busybox
                    command: echo 'oops
                """));
    }

    [Theory]
    [InlineData("always", "always")]
    [InlineData("if_not_present", "missing")]
    [InlineData("every_12h", "every_12h")]
    public void Load_PullPolicy_IsNormalized(string written, string expected)
    {
        using var project = new TempProject();
        Assert.Equal(expected, project.LoadValid($"services: {{web: {{image: nginx, pull_policy: {written}}}}}").Services[0].PullPolicy);
    }

    [Fact]
    public void Load_ServiceWithoutImageOrBuild_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:2:3: services.web: neither \"image\" nor \"build\" is set; give the image to run, or a build context"],
            project.Diagnose("""
                services:
                  web:
                    command: echo hi
                """));
    }
}

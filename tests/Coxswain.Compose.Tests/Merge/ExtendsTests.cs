namespace Coxswain.Compose.Tests.Merge;

public sealed class ExtendsTests
{
    [Fact]
    public void Load_ExtendsInTheSameFile_CopiesAndMergesTheBase()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            services:
              base:
                image: example/app:1
                environment: {LEVEL: info, SHARED: "1"}
                ports: ["8080:80"]
                command: serve
              web:
                extends: base
                environment: {LEVEL: debug}
                command: serve --verbose
              worker:
                extends: {service: web}
                ports: ["9090:90"]
            """);
        var web = model.FindService("web")!;
        Assert.Equal("example/app:1", web.Image);
        Assert.Equal([("LEVEL", "debug"), ("SHARED", "1")], web.Environment.Select(p => (p.Key, p.Value)));
        Assert.Equal(["serve", "--verbose"], web.Command);
        var worker = model.FindService("worker")!;
        Assert.Equal(["8080", "9090"], worker.Ports.Select(p => p.Published));
        Assert.Equal("debug", worker.Environment["LEVEL"]);
    }

    [Fact]
    public void Load_ExtendsFromAnotherFile_IsRelativeToTheNamingFile()
    {
        using var project = new TempProject();
        project.Write("common/base.yaml", "services:\n  app:\n    image: example/app:${TAG:-2}\n    restart: always\n");
        var web = project.LoadValid("""
            services:
              web:
                extends:
                  file: common/base.yaml
                  service: app
                user: "1000"
            """).Services.Single();
        Assert.Equal("example/app:2", web.Image);
        Assert.Equal(new ServiceRestart(RestartCondition.Always), web.Restart);
        Assert.Equal("1000", web.User);
    }

    [Fact]
    public void Load_BadExtends_AreErrors()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:3:14: services.a.extends: unknown service \"bse\" to extend (did you mean \"base\"?)",
                "compose.yaml:5:14: services.b.extends: cannot extend from \"nope.yaml\": the file is missing, unreadable or has no services",
                "compose.yaml:11:14: services.d.extends: extends cycle: c -> d -> c",
            ],
            project.Diagnose("""
                services:
                  a:
                    extends: bse
                  b:
                    extends: {file: nope.yaml, service: x}
                    image: busybox
                  c:
                    extends: d
                    image: busybox
                  d:
                    extends: c
                    image: busybox
                  base: {image: busybox}
                """).Where(d => !d.Contains("neither", StringComparison.Ordinal)));
    }
}

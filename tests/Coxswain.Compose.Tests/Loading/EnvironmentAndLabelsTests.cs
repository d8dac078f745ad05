namespace Coxswain.Compose.Tests.Loading;

public sealed class EnvironmentAndLabelsTests
{
    [Fact]
    public void Load_EnvironmentMapAndList_GiveTheSameOrderedMap()
    {
        using var project = new TempProject();
        project.Environment["FROM_SHELL"] = "shell";
        var services = project.LoadValid("""
            services:
              map:
                image: busybox
                environment:
                  B: 2
                  A: "1"
                  FLAG: true
                  EMPTY: ""
                  FROM_SHELL:
                  UNSET:
              list:
                image: busybox
                environment:
                  - B=2
                  - A=1
                  - FLAG=true
                  - EMPTY=
                  - FROM_SHELL
                  - UNSET
            """).Services;
        var expected = new[] { ("B", "2"), ("A", "1"), ("FLAG", "true"), ("EMPTY", ""), ("FROM_SHELL", "shell") };
        Assert.Equal(expected, services[0].Environment.Select(p => (p.Key, p.Value)));
        Assert.Equal(expected, services[1].Environment.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Load_EnvFile_ValuesComeFirstAndEnvironmentWins()
    {
        using var project = new TempProject();
        project.Write("common.env", "SHARED=common\nONLY_FILE=file\n");
        project.Write("web.env", "SHARED=web\n");
        var web = project.LoadValid("""
            services:
              web:
                image: busybox
                env_file:
                  - common.env
                  - path: web.env
                  - path: optional.env
                    required: false
                environment:
                  OWN: own
                  ONLY_FILE: overridden
            """).Services[0];
        Assert.Equal(new Dictionary<string, string> { ["SHARED"] = "web", ["ONLY_FILE"] = "overridden", ["OWN"] = "own" }, web.Environment);
        Assert.Equal(
            [new EnvFileReference(Path.Combine(project.Dir, "common.env")), new EnvFileReference(Path.Combine(project.Dir, "web.env")), new EnvFileReference(Path.Combine(project.Dir, "optional.env"), Required: false)],
            web.EnvFiles);
    }

    [Fact]
    public void Load_EnvFileString_IsOneFile()
    {
        using var project = new TempProject();
        project.Write("web.env", "A=1\n");
        Assert.Equal("1", project.LoadValid("services: {web: {image: busybox, env_file: web.env}}").Services[0].Environment["A"]);
    }

    [Fact]
    public void Load_MissingRequiredEnvFile_IsAnErrorWithAHint()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:15: services.web.env_file: env file \"missing.env\" does not exist; create it, or mark it \"required: false\""],
            project.Diagnose("""
                services:
                  web:
                    image: busybox
                    env_file: missing.env
                """));
    }

    [Fact]
    public void Load_LabelsMapOrList_AreOrderedMaps()
    {
        using var project = new TempProject();
        var services = project.LoadValid("""
            services:
              a:
                image: busybox
                labels:
                  com.example.z: "1"
                  com.example.a: two
              b:
                image: busybox
                labels: ["com.example.z=1", "com.example.a=two", "com.example.bare"]
            """).Services;
        Assert.Equal([("com.example.z", "1"), ("com.example.a", "two")], services[0].Labels.Select(p => (p.Key, p.Value)));
        Assert.Equal([("com.example.z", "1"), ("com.example.a", "two"), ("com.example.bare", "")], services[1].Labels.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Load_ExtraHosts_ListOrMapBecomeHostColonIp()
    {
        using var project = new TempProject();
        var services = project.LoadValid("""
            services:
              a: {image: busybox, extra_hosts: ["db:10.0.0.2", "v6=::1"]}
              b: {image: busybox, extra_hosts: {db: 10.0.0.2, v6: "::1"}}
            """).Services;
        Assert.Equal(["db:10.0.0.2", "v6:::1"], services[0].ExtraHosts);
        Assert.Equal(["db:10.0.0.2", "v6:::1"], services[1].ExtraHosts);
    }
}

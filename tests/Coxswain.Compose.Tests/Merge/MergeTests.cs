namespace Coxswain.Compose.Tests.Merge;

public sealed class MergeTests
{
    private const string Base = """
        services:
          web:
            image: example/web:1.0
            command: ["serve", "--port", "80"]
            environment:
              - LEVEL=info
              - KEEP=base
            labels: {a: "1"}
            ports:
              - "8080:80"
              - "9090:90"
            expose: ["80"]
            volumes:
              - data:/data
              - ./conf:/etc/web
            secrets: [token]
            depends_on: [db]
            networks: [front]
            healthcheck:
              test: ["CMD", "check", "base"]
              interval: 10s
            cap_add: [NET_ADMIN]
          db:
            image: postgres:15
        networks:
          front: {}
        volumes:
          data: {}
          other: {}
        secrets:
          token: {environment: HOME}
        """;

    private const string Override = """
        services:
          web:
            image: example/web:2.0
            command: serve --port 8080
            environment:
              LEVEL: debug
              ADDED: "yes"
            labels: ["b=2"]
            ports:
              - "8080:80"
              - "127.0.0.1:7070:70"
            expose: ["80", "81"]
            volumes:
              - other:/data
            secrets:
              - source: token
                target: /run/secrets/token
                mode: 0400
            depends_on:
              cache:
                condition: service_healthy
            networks:
              back:
                aliases: [web-back]
            healthcheck:
              test: ["CMD", "check", "override"]
            cap_add: [NET_ADMIN, SYS_TIME]
          cache:
            image: redis
        networks:
          back: {}
        """;

    [Fact]
    public void Load_TwoFiles_MergeWithComposeRules()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", Base);
        project.Write("compose.override.yaml", Override);
        var model = project.Load("compose.yaml", "compose.override.yaml").GetProjectOrThrow();
        var web = model.FindService("web")!;

        Assert.Equal("example/web:2.0", web.Image);
        Assert.Equal(["serve", "--port", "8080"], web.Command);
        Assert.Equal([("LEVEL", "debug"), ("KEEP", "base"), ("ADDED", "yes")], web.Environment.Select(p => (p.Key, p.Value)));
        Assert.Equal([("a", "1"), ("b", "2")], web.Labels.Select(p => (p.Key, p.Value)));
        Assert.Equal(
            [new ServicePort(80) { Published = "8080" }, new ServicePort(90) { Published = "9090" }, new ServicePort(70) { Published = "7070", HostIp = "127.0.0.1" }],
            web.Ports);
        Assert.Equal(["80", "81"], web.Expose);
        Assert.Equal(
            [new ServiceMount(ServiceMountType.Volume, "other", "/data"), new ServiceMount(ServiceMountType.Bind, Path.Combine(project.Dir, "conf"), "/etc/web") { CreateHostPath = true }],
            web.Volumes);
        Assert.Equal([new ServiceFileReference("token", "/run/secrets/token") { Mode = 256 }], web.Secrets);
        Assert.Equal(["db", "cache"], web.DependsOn.Select(d => d.Service));
        Assert.Equal(DependencyCondition.ServiceHealthy, web.DependsOn[1].Condition);
        Assert.Equal(["front", "back"], web.Networks.Select(n => n.Name));
        Assert.Equal(["web-back"], web.Networks[1].Aliases);
        Assert.Equal(["CMD", "check", "override"], web.Healthcheck!.Test);
        Assert.Equal(TimeSpan.FromSeconds(10), web.Healthcheck.Interval);
        Assert.Equal(["NET_ADMIN", "SYS_TIME"], web.CapAdd);
        Assert.Equal(["web", "db", "cache"], model.Services.Select(s => s.Name));
        Assert.Equal(["front", "back", "default"], model.Networks.Select(n => n.Name));
    }

    [Fact]
    public void Load_MergedValues_KeepTheLocationOfTheFileThatWroteThem()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db: {image: postgres}\n");
        project.Write("extra.yaml", "services:\n  web:\n    restart: sometimes\n    depends_on: [dbb]\n");
        var result = project.Load("compose.yaml", "extra.yaml");
        Assert.Equal(
            [
                "extra.yaml:3:14: services.web.restart: bad restart policy \"sometimes\" (use no, always, on-failure[:max-retries] or unless-stopped)",
                "extra.yaml:4:18: services.web.depends_on: unknown service \"dbb\" (did you mean \"db\"?)",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_ResetAndOverrideTags_RemoveOrReplace()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", """
            services:
              web:
                image: nginx
                ports: ["8080:80", "8443:443"]
                environment: {FOO: bar, KEEP: me}
                volumes: [./a:/a]
              gone: {image: busybox}
            """);
        project.Write("override.yaml", """
            services:
              web:
                ports: !override ["9090:80"]
                environment:
                  FOO: !reset null
                volumes: !reset []
              gone: !reset {}
            """);
        var model = project.Load("compose.yaml", "override.yaml").GetProjectOrThrow();
        var web = Assert.Single(model.Services);
        Assert.Equal([new ServicePort(80) { Published = "9090" }], web.Ports);
        Assert.Equal(["KEEP"], web.Environment.Keys);
        Assert.Empty(web.Volumes);
    }

    [Fact]
    public void Load_ListThenMap_MergeByKey()
    {
        using var project = new TempProject();
        project.Write("a.yaml", "services:\n  web:\n    image: nginx\n    environment: [A=1, B=2]\n    extra_hosts: [\"db:10.0.0.1\"]\n");
        project.Write("b.yaml", "services:\n  web:\n    environment: {B: \"3\"}\n    extra_hosts: {cache: 10.0.0.2}\n    build: .\n");
        var web = project.Load("a.yaml", "b.yaml").GetProjectOrThrow().Services[0];
        Assert.Equal([("A", "1"), ("B", "3")], web.Environment.Select(p => (p.Key, p.Value)));
        Assert.Equal(["db:10.0.0.1", "cache:10.0.0.2"], web.ExtraHosts);
        Assert.Equal(project.Dir, web.Build!.Context);
    }

    [Fact]
    public void Load_RelativePathsInOverrideFiles_AreRelativeToTheProjectDirectory()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", "services: {web: {image: nginx}}\n");
        project.Write("overrides/dev.yaml", "services: {web: {volumes: [./src:/src]}}\n");
        var web = project.Load("compose.yaml", "overrides/dev.yaml").GetProjectOrThrow().Services[0];
        Assert.Equal(Path.Combine(project.Dir, "src"), web.Volumes[0].Source);
    }
}

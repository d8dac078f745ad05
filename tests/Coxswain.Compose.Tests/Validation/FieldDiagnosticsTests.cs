namespace Coxswain.Compose.Tests.Validation;

public sealed class FieldDiagnosticsTests
{
    [Fact]
    public void Load_UnsupportedAndUnknownFields_AreNamedWithLocations()
    {
        using var project = new TempProject();
        var result = project.Diagnose("""
            version: "3.8"
            services:
              web:
                image: nginx
                imagee: nginx
                network_mode: host
                logging: {driver: json-file}
                deploy:
                  placement: {constraints: []}
                  replicaz: 2
                healthcheck:
                  tset: ["CMD", "true"]
                build:
                  context: .
                  ssh: [default]
                x-anything: {ignored: true}
            networks:
              front:
                ipam: {config: [{subnet: 10.0.0.0/24}]}
                drivr: bridge
            volumes:
              data: {external: true}
            secrets:
              s: {file: compose.yaml, labels: {a: b}}
            serivces: {}
            """);
        Assert.Equal(
            [
                "compose.yaml:1:1: warning: version: obsolete, ignored (the Compose specification no longer uses it)",
                "compose.yaml:5:5: services.web.imagee: unknown field (did you mean \"image\"?)",
                "compose.yaml:6:5: warning: services.web.network_mode: not supported by Coxswain, ignored (services join Compose networks only; the service gets its networks (or default) instead)",
                "compose.yaml:7:5: warning: services.web.logging: not supported by Coxswain, ignored (Coxswain reads logs through the engine's default driver)",
                "compose.yaml:9:7: warning: services.web.deploy.placement: not supported by Coxswain, ignored (a Swarm setting; Coxswain runs containers on one engine)",
                "compose.yaml:10:7: services.web.deploy.replicaz: unknown field (did you mean \"replicas\"?)",
                "compose.yaml:12:7: services.web.healthcheck.tset: unknown field (did you mean \"test\"?)",
                "compose.yaml:15:7: warning: services.web.build.ssh: not supported by Coxswain, ignored (a BuildKit setting)",
                "compose.yaml:19:5: warning: networks.front.ipam: not supported by Coxswain, ignored (networks get the engine's default address pool)",
                "compose.yaml:20:5: networks.front.drivr: unknown field (did you mean \"driver\"?)",
                "compose.yaml:24:27: warning: secrets.s.labels: not supported by Coxswain, ignored (a Swarm setting; Coxswain runs containers on one engine)",
                "compose.yaml:25:1: serivces: unknown field (did you mean \"services\"?)",
            ],
            result);
    }

    [Fact]
    public void Load_Extensions_AreKeptAndXCoxIsHandedOut()
    {
        using var project = new TempProject();
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                x-cox:
                  restart:
                    budget: 5
                  probe: [http, /health]
                x-other: 1
            """).Services[0];
        Assert.Equal(["x-cox", "x-other"], web.Extensions.Keys);
        var cox = Assert.IsType<ComposeMapping>(web.Cox);
        Assert.Equal(new SourceLocation("compose.yaml", 5, 7), cox.Entries[0].Key.Location);
        var plain = Assert.IsType<Dictionary<string, object?>>(cox.ToPlainObject());
        Assert.Equal("5", Assert.IsType<Dictionary<string, object?>>(plain["restart"])["budget"]);
        Assert.Equal(["http", "/health"], Assert.IsType<List<object?>>(plain["probe"]));
    }

    [Fact]
    public void Load_XCoxNotAMapping_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:12: services.web.x-cox: expected a mapping (Coxswain's settings for the service), found \"yes\""],
            project.Diagnose("services:\n  web:\n    image: nginx\n    x-cox: yes\n"));
    }

    [Fact]
    public void Load_WrongTypes_AreErrorsNamingWhatWasExpected()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:3:12: services.web.image: expected a string, found a list",
                "compose.yaml:4:12: services.web.ports: expected a list of ports, found \"80:80\"",
                "compose.yaml:5:18: services.web.environment: expected a mapping or a list of \"KEY=VALUE\", found \"A=1\"",
                "compose.yaml:6:3: services.bad name: invalid service name \"bad name\": use letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit",
            ],
            project.Diagnose("""
                services:
                  web:
                    image: [nginx]
                    ports: "80:80"
                    environment: A=1
                  "bad name": {image: nginx}
                """));
    }
}

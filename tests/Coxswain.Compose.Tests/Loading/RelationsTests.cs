namespace Coxswain.Compose.Tests.Loading;

public sealed class RelationsTests
{
    [Fact]
    public void Load_NetworksListOrMap_WithAliases()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            services:
              a: {image: busybox, networks: [front, back]}
              b:
                image: busybox
                networks:
                  back:
                    aliases: [database, db.local]
                  front:
              c: {image: busybox}
            networks:
              front: {}
              back:
                name: shared-back
                driver: bridge
                internal: true
                attachable: true
                driver_opts: {com.docker.network.bridge.name: br-back}
                labels: [team=infra]
            """);
        Assert.Equal([new ServiceNetwork("front"), new ServiceNetwork("back")], model.Services[0].Networks);
        Assert.Equal(["back", "front"], model.Services[1].Networks.Select(n => n.Name));
        Assert.Equal(["database", "db.local"], model.Services[1].Networks[0].Aliases);
        Assert.Equal([new ServiceNetwork("default")], model.Services[2].Networks);
        Assert.Equal(["front", "back", "default"], model.Networks.Select(n => n.Name));
        Assert.Equal(["app_front", "shared-back", "app_default"], model.Networks.Select(n => n.ActualName));
        var back = model.FindNetwork("back")!;
        Assert.True(back.Internal);
        Assert.True(back.Attachable);
        Assert.Equal("bridge", back.Driver);
        Assert.Equal("br-back", back.DriverOptions["com.docker.network.bridge.name"]);
        Assert.Equal("infra", back.Labels["team"]);
    }

    [Fact]
    public void Load_NoServiceUsesDefault_NoDefaultNetwork()
    {
        using var project = new TempProject();
        Assert.Equal(["only"], project.LoadValid("services: {a: {image: busybox, networks: [only]}}\nnetworks: {only: {}}").Networks.Select(n => n.Name));
    }

    [Fact]
    public void Load_ExternalResources_KeepTheirOwnNames()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            services:
              a:
                image: busybox
                networks: [proxy, legacy]
                volumes: [certs:/certs, named:/named]
            networks:
              proxy: {external: true}
              legacy: {external: {name: old-proxy}}
            volumes:
              certs: {external: true, name: letsencrypt}
              named: {name: fixed-name, driver: local, driver_opts: {type: tmpfs}}
            """);
        Assert.Equal(["proxy", "old-proxy"], model.Networks.Select(n => n.ActualName));
        Assert.All(model.Networks, n => Assert.True(n.External));
        Assert.Equal(["letsencrypt", "fixed-name"], model.Volumes.Select(v => v.ActualName));
        Assert.True(model.Volumes[0].External);
        Assert.Equal("tmpfs", model.Volumes[1].DriverOptions["type"]);
    }

    [Fact]
    public void Load_DependsOnListAndLongForm_GiveConditions()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            services:
              web:
                image: nginx
                depends_on:
                  db:
                    condition: service_healthy
                    restart: true
                  migrate:
                    condition: service_completed_successfully
                  cache:
                    condition: service_started
                    required: false
              worker: {image: busybox, depends_on: [db, cache]}
              db: {image: postgres}
              migrate: {image: busybox}
              cache: {image: redis}
            """);
        Assert.Equal(
            [
                new ServiceDependency("db", DependencyCondition.ServiceHealthy, Restart: true),
                new ServiceDependency("migrate", DependencyCondition.ServiceCompletedSuccessfully),
                new ServiceDependency("cache", Required: false),
            ],
            model.Services[0].DependsOn.Select(d => d with { Location = null }));
        Assert.Equal(new SourceLocation("compose.yaml", 5, 7), model.Services[0].DependsOn[0].Location);
        Assert.Equal([new ServiceDependency("db"), new ServiceDependency("cache")], model.Services[1].DependsOn.Select(d => d with { Location = null }));
    }

    [Fact]
    public void Load_SecretsAndConfigs_ShortLongAndTopLevel()
    {
        using var project = new TempProject();
        project.Write("db/password.txt", "s3cret");
        project.Write("nginx.conf", "events {}");
        project.Environment["API_TOKEN"] = "token";
        var model = project.LoadValid("""
            services:
              web:
                image: nginx
                secrets:
                  - db_password
                  - source: api_token
                    target: token
                    uid: "103"
                    gid: "103"
                    mode: 0440
                configs:
                  - nginx
                  - source: motd
                    target: /etc/motd
            secrets:
              db_password: {file: ./db/password.txt}
              api_token: {environment: API_TOKEN}
            configs:
              nginx: {file: nginx.conf}
              motd: {content: "hello from $${PROJECT}"}
            """);
        var web = model.Services[0];
        Assert.Equal(
            [new ServiceFileReference("db_password", "/run/secrets/db_password"), new ServiceFileReference("api_token", "/run/secrets/token") { Uid = "103", Gid = "103", Mode = 288 }],
            web.Secrets);
        Assert.Equal([new ServiceFileReference("nginx", "/nginx"), new ServiceFileReference("motd", "/etc/motd")], web.Configs);
        Assert.Equal(Path.Combine(project.Dir, "db/password.txt"), model.Secrets[0].File);
        Assert.Equal("API_TOKEN", model.Secrets[1].Environment);
        Assert.Equal(Path.Combine(project.Dir, "nginx.conf"), model.Configs[0].File);
        Assert.Equal("hello from ${PROJECT}", model.Configs[1].Content);
    }

    [Fact]
    public void Load_BadReferences_AreErrorsWithDidYouMean()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:4:18: services.web.depends_on: unknown service \"dbx\" (did you mean \"db\"?)",
                "compose.yaml:5:16: services.web.networks.frnt: unknown network \"frnt\" (did you mean \"front\"?); declare it under the top-level \"networks\"",
                "compose.yaml:6:15: services.web.secrets[0]: unknown secret \"pasword\" (did you mean \"password\"?); declare it under the top-level \"secrets\"",
                "compose.yaml:7:15: services.web.configs[0]: unknown config \"other\"; declare it under the top-level \"configs\"",
            ],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    depends_on: [dbx]
                    networks: [frnt]
                    secrets: [pasword]
                    configs: [other]
                  db: {image: postgres}
                networks: {front: {}}
                secrets: {password: {environment: HOME}}
                configs: {conf: {content: x}}
                """));
    }

    [Fact]
    public void Load_MissingSecretFile_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:11: secrets.pw.file: secret file \"db/missing.txt\" does not exist; create it or fix the path"],
            project.Diagnose("""
                services: {db: {image: postgres, secrets: [pw]}}
                secrets:
                  pw:
                    file: db/missing.txt
                """));
    }
}

namespace Coxswain.Compose.Tests.Serialization;

public sealed class GoldenOutputTests
{
    private const string Yaml = """
        name: shop
        x-defaults: &defaults
          restart: unless-stopped
        services:
          web:
            <<: *defaults
            image: "example/web:${TAG:-1.0}"
            command: serve --port 8080
            environment:
              - LEVEL=info
              - "QUOTE=a: b"
              - EMPTY=
            labels: {com.example.team: shop}
            ports: ["127.0.0.1:8080:8080", "9000-9001:9000-9001/udp"]
            volumes:
              - static:/srv/static:ro
              - ./conf:/etc/web
              - type: tmpfs
                target: /tmp
                tmpfs: {size: 64m}
            depends_on:
              db: {condition: service_healthy}
            healthcheck:
              test: curl -f http://localhost:8080/health
              interval: 30s
              timeout: 5s
              retries: 3
            deploy:
              replicas: 2
              resources:
                limits: {cpus: "0.5", memory: 256m}
            secrets: [api_key]
            stop_grace_period: 1m30s
            read_only: true
            cap_drop: [ALL]
            profiles: [frontend]
            x-cox: {probe: http}
          db:
            image: postgres:16
            environment: {POSTGRES_PASSWORD_FILE: /run/secrets/db_password}
            secrets: [db_password]
            volumes: [pgdata:/var/lib/postgresql/data]
            healthcheck:
              test: ["CMD", "pg_isready"]
              start_period: 10s
            expose: ["5432"]
        volumes:
          static: {}
          pgdata: {labels: {backup: daily}}
        secrets:
          api_key: {environment: API_KEY}
          db_password: {file: ./db/password.txt}
        """;

    private const string ExpectedYaml = """
        name: shop
        services:
          db:
            environment:
              POSTGRES_PASSWORD_FILE: /run/secrets/db_password
            expose:
              - "5432"
            healthcheck:
              start_period: 10s
              test:
                - CMD
                - pg_isready
            image: postgres:16
            networks:
              default: {}
            secrets:
              - source: db_password
                target: /run/secrets/db_password
            volumes:
              - source: pgdata
                target: /var/lib/postgresql/data
                type: volume
          web:
            cap_drop:
              - ALL
            command:
              - serve
              - --port
              - "8080"
            depends_on:
              db:
                condition: service_healthy
                required: true
                restart: false
            deploy:
              replicas: 2
              resources:
                limits:
                  cpus: 0.5
                  memory: 268435456
            environment:
              EMPTY: ""
              LEVEL: info
              QUOTE: "a: b"
            healthcheck:
              interval: 30s
              retries: 3
              test:
                - CMD-SHELL
                - curl -f http://localhost:8080/health
              timeout: 5s
            image: example/web:1.0
            labels:
              com.example.team: shop
            networks:
              default: {}
            ports:
              - host_ip: 127.0.0.1
                protocol: tcp
                published: "8080"
                target: 8080
              - protocol: udp
                published: "9000"
                target: 9000
              - protocol: udp
                published: "9001"
                target: 9001
            profiles:
              - frontend
            read_only: true
            restart: unless-stopped
            secrets:
              - source: api_key
                target: /run/secrets/api_key
            stop_grace_period: 1m30s
            volumes:
              - read_only: true
                source: static
                target: /srv/static
                type: volume
              - bind:
                  create_host_path: true
                source: <dir>/conf
                target: /etc/web
                type: bind
              - target: /tmp
                tmpfs:
                  size: 67108864
                type: tmpfs
            x-cox:
              probe: http
        networks:
          default:
            name: shop_default
        volumes:
          pgdata:
            labels:
              backup: daily
            name: shop_pgdata
          static:
            name: shop_static
        secrets:
          api_key:
            environment: API_KEY
          db_password:
            file: <dir>/db/password.txt
        x-defaults:
          restart: unless-stopped

        """;

    [Fact]
    public void ToYaml_NormalizedProject_MatchesGoldenText()
    {
        using var project = new TempProject();
        project.Write("db/password.txt", "secret");
        project.Environment["API_KEY"] = "k";
        var model = project.LoadValid(Yaml);
        Assert.Equal(ExpectedYaml, model.ToYaml().Replace(project.Dir, "<dir>", StringComparison.Ordinal));
    }

    [Fact]
    public void ToYaml_Output_LoadsBackToTheSameHashes()
    {
        using var project = new TempProject();
        project.Write("db/password.txt", "secret");
        project.Environment["API_KEY"] = "k";
        var model = project.LoadValid(Yaml);
        var reloaded = project.LoadValid(model.ToYaml());
        Assert.Equal(model.Services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => ConfigHash.Compute(s, model)), reloaded.Services.Select(s => ConfigHash.Compute(s, reloaded)));
    }

    [Fact]
    public void ToJson_NormalizedProject_MatchesGoldenText()
    {
        using var project = new TempProject();
        var model = project.LoadValid("""
            services:
              app:
                image: busybox
                command: ["sh", "-c", "echo \"<hi>\" & exit 0"]
                environment: {B: "2", A: "1"}
                stop_grace_period: 500ms
            """);
        Assert.Equal(
            """
            {
              "name": "app",
              "services": {
                "app": {
                  "command": [
                    "sh",
                    "-c",
                    "echo \"<hi>\" & exit 0"
                  ],
                  "environment": {
                    "A": "1",
                    "B": "2"
                  },
                  "image": "busybox",
                  "networks": {
                    "default": {}
                  },
                  "stop_grace_period": "500ms"
                }
              },
              "networks": {
                "default": {
                  "name": "app_default"
                }
              }
            }

            """,
            model.ToJson());
    }
}

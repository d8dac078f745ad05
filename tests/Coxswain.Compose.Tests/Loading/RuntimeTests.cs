namespace Coxswain.Compose.Tests.Loading;

public sealed class RuntimeTests
{
    [Fact]
    public void Load_Healthcheck_EveryField()
    {
        using var project = new TempProject();
        var health = project.LoadValid("""
            services:
              db:
                image: postgres
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "postgres"]
                  interval: 1m30s
                  timeout: 10s
                  retries: 3
                  start_period: 40s
                  start_interval: 5s
            """).Services[0].Healthcheck;
        string[] noTest = [];
        Assert.Equal(
            new ServiceHealthcheck
            {
                Test = noTest,
                Interval = TimeSpan.FromSeconds(90),
                Timeout = TimeSpan.FromSeconds(10),
                Retries = 3,
                StartPeriod = TimeSpan.FromSeconds(40),
                StartInterval = TimeSpan.FromSeconds(5),
            },
            health! with { Test = noTest });
        Assert.Equal(["CMD", "pg_isready", "-U", "postgres"], health.Test);
    }

    [Theory]
    [InlineData("test: curl -f http://localhost", new[] { "CMD-SHELL", "curl -f http://localhost" }, false)]
    [InlineData("test: [\"CMD-SHELL\", \"curl -f http://localhost || exit 1\"]", new[] { "CMD-SHELL", "curl -f http://localhost || exit 1" }, false)]
    [InlineData("test: [\"NONE\"]", new[] { "NONE" }, true)]
    [InlineData("test: NONE", new[] { "NONE" }, true)]
    [InlineData("disable: true", new[] { "NONE" }, true)]
    [InlineData("interval: 5s", new string[0], false)]
    public void Load_HealthcheckTestForms_AreNormalized(string line, string[] test, bool disabled)
    {
        using var project = new TempProject();
        var health = project.LoadValid($"services:\n  web:\n    image: nginx\n    healthcheck:\n      {line}\n").Services[0].Healthcheck!;
        Assert.Equal(test, health.Test);
        Assert.Equal(disabled, health.Disabled);
    }

    [Theory]
    [InlineData("no", RestartCondition.No, null)]
    [InlineData("\"no\"", RestartCondition.No, null)]
    [InlineData("always", RestartCondition.Always, null)]
    [InlineData("on-failure", RestartCondition.OnFailure, null)]
    [InlineData("on-failure:5", RestartCondition.OnFailure, 5)]
    [InlineData("unless-stopped", RestartCondition.UnlessStopped, null)]
    public void Load_Restart_EveryPolicy(string written, RestartCondition condition, int? retries)
    {
        using var project = new TempProject();
        Assert.Equal(new ServiceRestart(condition, retries), project.LoadValid($"services: {{web: {{image: nginx, restart: {written}}}}}").Services[0].Restart);
    }

    [Fact]
    public void Load_DeployRestartPolicy_MapsToRestart()
    {
        using var project = new TempProject();
        var service = project.LoadValid("services: {web: {image: nginx, deploy: {restart_policy: {condition: on-failure, max_attempts: 3}}}}").Services[0];
        Assert.Equal(new ServiceRestart(RestartCondition.OnFailure, 3), service.Restart);
    }

    [Fact]
    public void Load_RuntimeFields_AreRead()
    {
        using var project = new TempProject();
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                stop_grace_period: 1m30s
                stop_signal: SIGQUIT
                user: "1000:1000"
                working_dir: /app
                read_only: true
                cap_add: [NET_ADMIN]
                cap_drop: [ALL]
                security_opt: ["no-new-privileges:true"]
                container_name: web-1
                hostname: web.local
                init: true
                tty: true
                stdin_open: true
                profiles: [debug]
            """).Services[0];
        Assert.Equal(TimeSpan.FromSeconds(90), web.StopGracePeriod);
        Assert.Equal("SIGQUIT", web.StopSignal);
        Assert.Equal("1000:1000", web.User);
        Assert.Equal("/app", web.WorkingDir);
        Assert.True(web.ReadOnly);
        Assert.Equal(["NET_ADMIN"], web.CapAdd);
        Assert.Equal(["ALL"], web.CapDrop);
        Assert.Equal(["no-new-privileges:true"], web.SecurityOpt);
        Assert.Equal("web-1", web.ContainerName);
        Assert.Equal("web.local", web.Hostname);
        Assert.True(web.Init);
        Assert.True(web.Tty);
        Assert.True(web.StdinOpen);
        Assert.Equal(["debug"], web.Profiles);
    }

    [Fact]
    public void Load_DeployResources_AreParsed()
    {
        using var project = new TempProject();
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                deploy:
                  replicas: 3
                  resources:
                    limits: {cpus: "1.5", memory: 512m, pids: 100}
                    reservations: {cpus: 0.25, memory: 128M}
            """).Services[0];
        Assert.Equal(3, web.Replicas);
        Assert.Equal(new ResourceValues { Cpus = 1.5m, MemoryBytes = 512L << 20, Pids = 100 }, web.Resources.Limits);
        Assert.Equal(1_500_000_000, web.Resources.Limits.NanoCpus);
        Assert.Equal(new ResourceValues { Cpus = 0.25m, MemoryBytes = 128L << 20 }, web.Resources.Reservations);
    }

    [Fact]
    public void Load_LegacyResourceFields_FillTheSameModel()
    {
        using var project = new TempProject();
        var web = project.LoadValid("""
            services:
              web:
                image: nginx
                cpus: 0.5
                mem_limit: 1g
                mem_reservation: 256m
                memswap_limit: -1
                cpu_shares: 512
                pids_limit: 64
                scale: 2
            """).Services[0];
        Assert.Equal(new ResourceValues { Cpus = 0.5m, MemoryBytes = 1L << 30, Pids = 64 }, web.Resources.Limits);
        Assert.Equal(256L << 20, web.Resources.Reservations.MemoryBytes);
        Assert.Equal(-1, web.Resources.MemorySwapBytes);
        Assert.Equal(512, web.Resources.CpuShares);
        Assert.Equal(2, web.Replicas);
    }

    [Fact]
    public void Load_ConflictingLegacyAndDeploy_IsAnError()
    {
        using var project = new TempProject();
        Assert.Equal(
            ["compose.yaml:4:16: services.web.mem_limit: mem_limit (536870912) and deploy.resources.limits.memory (1073741824) disagree; keep only deploy.resources.limits.memory"],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    mem_limit: 512m
                    deploy: {resources: {limits: {memory: 1g}}}
                """));
    }

    [Fact]
    public void Load_BadValues_AreAllReportedTogether()
    {
        using var project = new TempProject();
        Assert.Equal(
            [
                "compose.yaml:4:14: services.web.restart: bad restart policy \"allways\" (did you mean \"always\"?) (use no, always, on-failure[:max-retries] or unless-stopped)",
                "compose.yaml:5:24: services.web.stop_grace_period: bad duration \"10\": missing unit after 10 (use ns, us, ms, s, m or h, e.g. \"10s\")",
                "compose.yaml:6:16: services.web.mem_limit: bad size \"lots\": expected a number of bytes or a number with a unit, like 512m, 1g, 100k or 1024b",
                "compose.yaml:7:16: services.web.read_only: expected true or false, found \"yes\"",
                "compose.yaml:8:14: services.web.command: expected a string or a list of strings, found a mapping",
                "compose.yaml:10:17: services.web.healthcheck.interval: bad duration \"5 seconds\": unknown unit \" seconds\" (use ns, us, ms, s, m or h)",
                "compose.yaml:11:16: services.web.healthcheck.retries: expected an integer, found \"many\"",
                "compose.yaml:13:23: services.web.depends_on.db.condition: bad condition \"healthy\" (use service_started, service_healthy or service_completed_successfully)",
            ],
            project.Diagnose("""
                services:
                  web:
                    image: nginx
                    restart: allways
                    stop_grace_period: 10
                    mem_limit: lots
                    read_only: yes
                    command: {sh: -c}
                    healthcheck:
                      interval: 5 seconds
                      retries: many
                    depends_on:
                      db: {condition: healthy}
                  db: {image: postgres}
                """));
    }
}

namespace Coxswain.Compose.Tests.Hashing;

public sealed class ConfigHashTests
{
    private const string Baseline = """
        services:
          web:
            image: nginx:1.25
            command: ["nginx", "-g", "daemon off;"]
            environment: {A: "1", B: "2"}
            labels: {x: "1", y: "2"}
            cap_add: [NET_ADMIN, SYS_TIME]
            ports: ["8080:80", "8443:443"]
            depends_on: [db, cache]
            deploy: {replicas: 1}
          db: {image: postgres}
          cache: {image: redis}
        """;

    private static string HashOf(string yaml, string service = "web")
    {
        using var project = new TempProject();
        return ConfigHash.Compute(project.LoadValid(yaml).FindService(service)!);
    }

    [Fact]
    public void Compute_SameDefinition_IsStableAcrossRunsAndMachines()
    {
        var service = new ServiceModel("web")
        {
            Image = "nginx:1.25",
            Command = ["nginx", "-g", "daemon off;"],
            Environment = new Dictionary<string, string> { ["A"] = "1" },
            Ports = [new ServicePort(80) { Published = "8080" }],
            Networks = [new ServiceNetwork("default")],
            StopGracePeriod = TimeSpan.FromSeconds(30),
            Resources = new ServiceResources { Limits = new ResourceValues { Cpus = 0.5m, MemoryBytes = 512L << 20 } },
        };
        Assert.Equal(
            """{"command":["nginx","-g","daemon off;"],"deploy":{"resources":{"limits":{"cpus":0.5,"memory":536870912}}},"environment":{"A":"1"},"image":"nginx:1.25","networks":{"default":{}},"ports":[{"protocol":"tcp","published":"8080","target":80}],"stop_grace_period":"30s"}""",
            ConfigHash.CanonicalJson(service));
        Assert.Equal("ee86732aba985f3d8fbb3a0d7a17f07270cc9d1b9a1df2f5fe36afe8588860a7", ConfigHash.Compute(service));
    }

    [Fact]
    public void Compute_KeyAndSetOrder_DoNotCount()
    {
        var reordered = """
            services:
              cache: {image: redis}
              web:
                deploy: {replicas: 1}
                ports: ["8443:443", "8080:80"]
                cap_add: [SYS_TIME, NET_ADMIN]
                labels: ["y=2", "x=1"]
                environment: [B=2, A=1]
                command: ["nginx", "-g", "daemon off;"]
                image: nginx:1.25
                depends_on: [cache, db]
              db: {image: postgres}
            """;
        Assert.Equal(HashOf(Baseline), HashOf(reordered));
    }

    [Theory]
    [InlineData("depends_on: [db, cache]", "depends_on: {cache: {condition: service_healthy}, db: {condition: service_started}}")]
    [InlineData("deploy: {replicas: 1}", "deploy: {replicas: 5}")]
    public void Compute_DependsOnAndReplicas_DoNotCount(string from, string to) =>
        Assert.Equal(HashOf(Baseline), HashOf(Baseline.Replace(from, to, StringComparison.Ordinal)));

    [Theory]
    [InlineData("image: nginx:1.25", "image: nginx:1.26")]
    [InlineData("environment: {A: \"1\", B: \"2\"}", "environment: {A: \"1\", B: \"3\"}")]
    [InlineData("command: [\"nginx\", \"-g\", \"daemon off;\"]", "command: [\"-g\", \"nginx\", \"daemon off;\"]")]
    [InlineData("ports: [\"8080:80\", \"8443:443\"]", "ports: [\"8080:80\"]")]
    [InlineData("labels: {x: \"1\", y: \"2\"}", "labels: {x: \"1\"}")]
    [InlineData("deploy: {replicas: 1}", "deploy: {replicas: 1, resources: {limits: {memory: 1g}}}")]
    public void Compute_ContainerDefinitionChange_ChangesTheHash(string from, string to) =>
        Assert.NotEqual(HashOf(Baseline), HashOf(Baseline.Replace(from, to, StringComparison.Ordinal)));

    [Fact]
    public void Compute_WithProject_CountsTheEngineNamesOfVolumes()
    {
        using var project = new TempProject();
        var a = project.LoadValid("services: {web: {image: nginx, volumes: [data:/data]}}\nvolumes: {data: {}}\n");
        var b = project.LoadValid("services: {web: {image: nginx, volumes: [data:/data]}}\nvolumes: {data: {name: elsewhere}}\n");
        Assert.Equal(ConfigHash.Compute(a.Services[0]), ConfigHash.Compute(b.Services[0]));
        Assert.NotEqual(ConfigHash.Compute(a.Services[0], a), ConfigHash.Compute(b.Services[0], b));
    }

    [Fact]
    public void Compute_IsLowercaseHexSha256() => Assert.Matches("^[0-9a-f]{64}$", HashOf(Baseline));
}

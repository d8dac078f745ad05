namespace Coxswain.Compose.Tests.Conformance;

/// <summary>
/// Every Compose file of the awesome-compose corpus in ../shared/conformance loads: no crash, no error, and exactly the warnings
/// snapshotted here (build contexts are not part of the copy, and each unsupported field is named), so a change in what is
/// reported shows up in review.
/// </summary>
public sealed class AwesomeComposeTests
{
    private const string Corpus = "conformance/compose/awesome-compose";

    /// <summary>The warnings each project gives, in compiler form. No project has an error.</summary>
    private static readonly Dictionary<string, string[]> ExpectedWarnings = new(StringComparer.Ordinal)
    {
        ["angular"] = ["compose.yaml:4:16: warning: services.web.build.context: build context \"angular\" does not exist; the build will fail until it does"],
        ["apache-php"] = ["compose.yaml:4:16: warning: services.web.build.context: build context \"app\" does not exist; the build will fail until it does"],
        ["aspnet-mssql"] = ["compose.yaml:3:12: warning: services.web.build.context: build context \"app/aspnetapp\" does not exist; the build will fail until it does"],
        ["django"] = ["compose.yaml:4:16: warning: services.web.build.context: build context \"app\" does not exist; the build will fail until it does"],
        ["elasticsearch-logstash-kibana"] = [],
        ["fastapi"] = [],
        ["flask"] = ["compose.yaml:4:16: warning: services.web.build.context: build context \"app\" does not exist; the build will fail until it does"],
        ["flask-redis"] = [],
        ["gitea-postgres"] = [],
        ["minecraft"] = [],
        ["nextcloud-postgres"] = [],
        ["nextcloud-redis-mariadb"] = [],
        ["nginx-aspnet-mysql"] = ["compose.yaml:4:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does", "compose.yaml:35:12: warning: services.proxy.build.context: build context \"proxy\" does not exist; the build will fail until it does"],
        ["nginx-flask-mongo"] = ["compose.yaml:16:16: warning: services.backend.build.context: build context \"flask\" does not exist; the build will fail until it does"],
        ["nginx-flask-mysql"] = ["compose.yaml:29:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does", "compose.yaml:44:12: warning: services.proxy.build.context: build context \"proxy\" does not exist; the build will fail until it does"],
        ["nginx-golang"] = ["compose.yaml:16:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["nginx-golang-mysql"] = ["compose.yaml:4:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["nginx-golang-postgres"] = ["compose.yaml:4:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["nginx-nodejs-redis"] = ["compose.yaml:9:12: warning: services.web1.build.context: build context \"web\" does not exist; the build will fail until it does", "compose.yaml:15:12: warning: services.web2.build.context: build context \"web\" does not exist; the build will fail until it does", "compose.yaml:20:12: warning: services.nginx.build.context: build context \"nginx\" does not exist; the build will fail until it does"],
        ["nginx-wsgi-flask"] = ["compose.yaml:3:12: warning: services.nginx-proxy.build.context: build context \"nginx\" does not exist; the build will fail until it does", "compose.yaml:20:12: warning: services.flask-app.build.context: build context \"flask\" does not exist; the build will fail until it does"],
        ["pihole-cloudflared-DoH"] = ["compose.yaml:1:1: warning: version: obsolete, ignored (the Compose specification no longer uses it)", "compose.yaml:16:9: warning: services.cloudflared.networks.dns-net.ipv4_address: not supported by Coxswain, ignored (static addresses need IPAM, which Coxswain does not configure)", "compose.yaml:53:5: warning: networks.dns-net.ipam: not supported by Coxswain, ignored (networks get the engine's default address pool)"],
        ["plex"] = ["compose.yaml:5:5: warning: services.plex.network_mode: not supported by Coxswain, ignored (services join Compose networks only; the service gets its networks (or default) instead)"],
        ["portainer"] = [],
        ["postgresql-pgadmin"] = [],
        ["prometheus-grafana"] = [],
        ["react-express-mongodb"] = ["compose.yaml:4:16: warning: services.frontend.build.context: build context \"frontend\" does not exist; the build will fail until it does", "compose.yaml:21:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["react-express-mysql"] = ["compose.yaml:6:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does", "compose.yaml:49:16: warning: services.frontend.build.context: build context \"frontend\" does not exist; the build will fail until it does"],
        ["react-java-mysql"] = ["compose.yaml:3:12: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does", "compose.yaml:37:16: warning: services.frontend.build.context: build context \"frontend\" does not exist; the build will fail until it does"],
        ["react-nginx"] = [],
        ["react-rust-postgres"] = ["compose.yaml:5:16: warning: services.frontend.build.context: build context \"frontend\" does not exist; the build will fail until it does", "compose.yaml:16:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["sparkjava"] = ["compose.yaml:3:12: warning: services.sparkjava.build.context: build context \"sparkjava\" does not exist; the build will fail until it does"],
        ["sparkjava-mysql"] = ["compose.yaml:3:12: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["spring-postgres"] = ["compose.yaml:3:12: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["traefik-golang"] = ["compose.yaml:14:12: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does"],
        ["vuejs"] = ["compose.yaml:4:16: warning: services.web.build.context: build context \"vuejs\" does not exist; the build will fail until it does"],
        ["wasmedge-kafka-mysql"] = ["compose.yml:23:5: warning: services.etl.platform: not supported by Coxswain, ignored (images are used for the engine's own platform)", "compose.yml:25:16: warning: services.etl.build.context: build context \"etl\" does not exist; the build will fail until it does", "compose.yml:32:5: warning: services.etl.runtime: not supported by Coxswain, ignored (the container spec Coxswain creates has no such setting yet)"],
        ["wasmedge-mysql-nginx"] = ["compose.yml:11:5: warning: services.backend.platform: not supported by Coxswain, ignored (images are used for the engine's own platform)", "compose.yml:13:16: warning: services.backend.build.context: build context \"backend\" does not exist; the build will fail until it does", "compose.yml:20:5: warning: services.backend.runtime: not supported by Coxswain, ignored (the container spec Coxswain creates has no such setting yet)"],
        ["wireguard"] = ["compose.yaml:1:1: warning: version: obsolete, ignored (the Compose specification no longer uses it)", "compose.yaml:25:5: warning: services.wireguard.sysctls: not supported by Coxswain, ignored (the container spec Coxswain creates has no such setting yet)"],
        ["wordpress-mysql"] = [],
    };

    public static TheoryData<string> Projects() => new(ExpectedWarnings.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Corpus_HasTheThirtyNineProjectsOfTheSnapshot()
    {
        var root = ConformanceFolder.Require(Corpus);
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedWarnings.Keys.Order(StringComparer.Ordinal), folders);
        Assert.Equal(39, folders.Count);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Load_Project_HasNoErrorAndTheSnapshottedWarnings(string name)
    {
        var folder = Path.Combine(ConformanceFolder.Require(Corpus), name);
        var result = ComposeLoader.Load(new LoadOptions
        {
            WorkingDirectory = folder,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/tester" },
        });

        Assert.Equal(ExpectedWarnings[name], result.Diagnostics.Select(d => d.ToString()));
        var project = Assert.IsType<ComposeProject>(result.Project);
        Assert.Equal(ProjectNames.Normalize(name), project.Name);
        Assert.Equal(CountServices(project.Files[0]), project.Services.Count);
        Assert.All(project.Services, s => Assert.True(s.Image is not null || s.Build is not null));
        Assert.Equal(project.Services.Count, DependencyGraph.Create(project.Services).TopologicalOrder().Count);
        Assert.NotEmpty(project.ToYaml());
        Assert.NotEmpty(project.ToJson());
        Assert.All(project.Services, s => Assert.Matches("^[0-9a-f]{64}$", ConfigHash.Compute(s, project)));
    }

    /// <summary>Services counted straight from the text (keys at the first indentation under "services:"), so none is dropped silently.</summary>
    private static int CountServices(string file)
    {
        var inServices = false;
        var indent = -1;
        var count = 0;
        foreach (var line in File.ReadLines(file))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var depth = line.Length - trimmed.Length;
            if (depth == 0)
            {
                inServices = line.StartsWith("services:", StringComparison.Ordinal);
                continue;
            }

            if (inServices && indent < 0)
            {
                indent = depth;
            }

            if (inServices && depth == indent && trimmed.Contains(':', StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}

namespace Coxswain.Compose.Tests.Validation;

public sealed class RobustnessTests
{
    public static TheoryData<string> OddFiles() => new(
        "services: [a, b]",
        "services: {web: [1]}",
        "services: {web: {image: x, ports: [{}]}}",
        "services: {web: {image: x, ports: [[1]]}}",
        "services: {web: {image: x, volumes: [{}]}}",
        "services: {web: {image: x, volumes: [{type: volume}]}}",
        "services: {web: {image: x, depends_on: {db: [1]}}}",
        "services: {web: {image: x, depends_on: \"db\"}}",
        "services: {web: {image: x, healthcheck: {test: []}}}",
        "services: {web: {image: x, healthcheck: {test: [BOGUS, x]}}}",
        "services: {web: {image: x, healthcheck: yes}}",
        "services: {web: {image: x, deploy: [1]}}",
        "services: {web: {image: x, deploy: {resources: {limits: {cpus: many, memory: [1], pids: x}}}}}",
        "services: {web: {image: x, secrets: [{target: /x}]}}",
        "services: {web: {image: x, env_file: [{required: true}]}}",
        "services: {web: {image: x, networks: {front: [1]}}}",
        "services: {web: {image: x, extends: {file: [1]}}}",
        "services: {web: {image: x, build: [1]}}",
        "services: {web: {image: x, environment: {A: [1]}}}",
        "services: {web: {image: x, ulimits: {nofile: 1}}}",
        "services: {web: {image: x, restart: on-failure:many}}",
        "services: {web: {image: x, scale: 2, deploy: {replicas: 3}}}",
        "services: {web: {image: x, container_name: c, deploy: {replicas: 2}}}",
        "services: {a: {image: x, container_name: c}, b: {image: x, container_name: c}}",
        "networks: x\nvolumes: [1]\nsecrets: {s: {}}\nconfigs: {c: {file: a, content: b}}\nservices: {}",
        "name: [x]\nservices: {}",
        "services:\n  web:\n    image: x\n    <<: 5",
        "services: {web: {image: x}}\n? [complex, key]\n: value",
        "services: {web: {image: \"${UNCLOSED\"}}",
        "\t- tabs are not indentation",
        "services: {web: {image: x, tmpfs: [relative]}}",
        "services: {web: {image: x, expose: [abc]}}",
        "services: {web: {image: x, extra_hosts: [nocolon]}}",
        "services: {web: {image: x, pull_policy: sometimes}}",
        "services: {web: {image: x, volumes: [{type: tmpfs, target: /t, bind: {propagation: shared}}]}}",
        "services: {web: {image: x, volumes: [{type: bind, source: ., target: /t, tmpfs: {mode: 999}}]}}");

    [Theory]
    [MemberData(nameof(OddFiles))]
    public void Load_OddFile_GivesDiagnosticsNeverAnException(string yaml)
    {
        using var project = new TempProject();
        project.Write("compose.yaml", yaml);
        var result = project.Load("compose.yaml");
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        Assert.Equal(result.Errors.Count == 0, result.Succeeded);
    }

    [Fact]
    public void Load_AliasBomb_IsRefusedQuickly()
    {
        var levels = Enumerable.Range(1, 9).Select(i => $"x-l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]");
        var yaml = "x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + string.Join('\n', levels) + "\nservices: {web: {image: x}}\n";
        using var project = new TempProject();
        var error = Assert.Single(project.Diagnose(yaml));
        Assert.Contains("alias bomb", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProjectOrThrow_WithErrors_ListsThemAll()
    {
        using var project = new TempProject();
        project.Write("compose.yaml", "services:\n  web: {image: x, restart: bad}\n  db: {}\n");
        var ex = Assert.Throws<ComposeLoadException>(() => project.Load("compose.yaml").GetProjectOrThrow());
        Assert.Equal(
            """
            the Compose files have 2 errors:
              compose.yaml:2:28: services.web.restart: bad restart policy "bad" (use no, always, on-failure[:max-retries] or unless-stopped)
              compose.yaml:3:3: services.db: neither "image" nor "build" is set; give the image to run, or a build context
            """.ReplaceLineEndings("\n"),
            ex.Message);
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Diagnostic_ToString_WithoutLocationOrPath_IsJustTheMessage()
    {
        Assert.Equal("something", new Diagnostic(DiagnosticSeverity.Error, "x", null, string.Empty, "something").ToString());
        Assert.Equal("warning: p: m", new Diagnostic(DiagnosticSeverity.Warning, "x", null, "p", "m").ToString());
        Assert.Equal("f.yaml:3: m", new Diagnostic(DiagnosticSeverity.Error, "x", new SourceLocation("f.yaml", 3, 0), string.Empty, "m").ToString());
    }
}

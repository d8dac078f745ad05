using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class MatrixDefinitionLoaderTests : IDisposable
{
    private const string File = """
        name: demo
        command: ["/bin/sh", "/workspace/test.sh"]
        build_args: {BASE: one}
        caches:
          - {name: pip, target: /root/.cache/pip}
        targets:
          arch:
            build_args: {DISTRO: arch}
          manjaro:
            dockerfile: manjaro.Dockerfile
        """;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_FileWithoutFlags_UsesTheIssueDefaults()
    {
        Prepare();

        var definition = Load(new MatrixFlags());

        var settings = definition.Settings;
        Assert.Equal(TimeSpan.FromMinutes(30), settings.Timeout);
        Assert.Equal(4, settings.Concurrency);
        Assert.Equal(2, settings.Retries);
        Assert.True(settings.FailFast);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Backoff);
        Assert.True(settings.Builds && settings.Runs);
        Assert.Equal(["arch", "manjaro"], definition.Targets.Select(t => t.Name));
        Assert.Equal("manjaro.Dockerfile", definition.Targets[1].Dockerfile);
        Assert.Equal(new Dictionary<string, string> { ["BASE"] = "one", ["DISTRO"] = "arch" }, definition.Targets[0].BuildArgs);
    }

    [Fact]
    public void Load_FlagsGiven_WinOverTheFile()
    {
        Prepare();
        folder.Write("matrix.yaml", File + "\ntimeout: 5m\nconcurrency: 2\n");

        var definition = Load(new MatrixFlags { Timeout = TimeSpan.FromSeconds(90), Targets = ["manjaro"], FailFast = false, Command = ["true"] });

        Assert.Equal(TimeSpan.FromSeconds(90), definition.Settings.Timeout);
        Assert.Equal(2, definition.Settings.Concurrency);
        Assert.False(definition.Settings.FailFast);
        Assert.Equal(["manjaro"], definition.Targets.Select(t => t.Name));
        Assert.Equal(["true"], definition.Command);
    }

    [Fact]
    public void Load_TargetNotInTheFile_NamesItTheFileAndAClosestMatch()
    {
        Prepare();

        var error = Assert.Throws<MatrixDefinitionException>(() => Load(new MatrixFlags { Targets = ["arhc,manjaro"] }));

        Assert.Contains("target 'arhc' is not in the matrix file", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'arch'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("its targets are: arch, manjaro", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingDockerfile_SaysWhichTargetAndWhatToDo()
    {
        folder.Write("matrix.yaml", File);
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");

        var error = Assert.Throws<MatrixDefinitionException>(() => Load(new MatrixFlags()));

        Assert.Contains("target 'manjaro': the Dockerfile", error.Message, StringComparison.Ordinal);
        Assert.Contains("manjaro.Dockerfile does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingContext_SaysSo()
    {
        var error = Assert.Throws<MatrixDefinitionException>(() => Load(new MatrixFlags { Targets = ["a"], Context = "nowhere" }));

        Assert.Contains($"the build context {Path.Combine(folder.Path, "nowhere")} does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FlagsOnly_EachTargetGetsTheSharedDockerfileAndTargetArg()
    {
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");

        var definition = Load(new MatrixFlags { Targets = ["a,b"], RootDir = "." });

        Assert.Equal(["a", "b"], definition.Targets.Select(t => t.Name));
        Assert.Equal("b", definition.Targets[1].BuildArgs["TARGET"]);
        Assert.Equal(folder.Path, definition.RootDirectory);
    }

    [Fact]
    public void Load_BadFile_ReportsEveryProblemWithItsLine()
    {
        folder.Write("matrix.yaml", "targets: [a]\ntimeout: soon\nconcurency: 3\nretries: many\n");

        var error = Assert.Throws<MatrixDefinitionException>(() => Load(new MatrixFlags()));

        Assert.Contains("matrix.yaml:2: 'timeout' is not a duration ('soon')", error.Message, StringComparison.Ordinal);
        Assert.Contains("matrix.yaml:3: unknown key 'concurency'", error.Message, StringComparison.Ordinal);
        Assert.Contains("matrix.yaml:4: 'retries' must be a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShellWithSeveralTargets_AsksForOne()
    {
        Prepare();

        var error = Assert.Throws<MatrixDefinitionException>(() => Load(new MatrixFlags { Switches = new MatrixSettings { Shell = true } }));

        Assert.Contains("--shell opens one container", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PassEnv_TakesOnlyDeclaredHostVariablesThatAreSet()
    {
        Prepare();
        folder.Write("matrix.yaml", File + "\nenvironment: {A: one}\npass_env: [HOME_X, MISSING]\n");

        var definition = MatrixDefinitionLoader.Load(new MatrixFlags(), folder.Path, name => name == "HOME_X" ? "/home/x" : null);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "one", ["HOME_X"] = "/home/x" }, definition.Environment);
    }

    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("1h30m", 5400)]
    [InlineData("90", 90)]
    [InlineData("500ms", 0.5)]
    public void MatrixDuration_TryParse_ReadsUnits(string text, double seconds)
    {
        Assert.True(MatrixDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Fact]
    public void RetryDelay_DoublesFromBackoffAndCapsAtSixtySeconds()
    {
        var settings = new MatrixSettings { Backoff = TimeSpan.FromSeconds(5) };

        Assert.Equal([5, 10, 20, 40, 60, 60], Enumerable.Range(1, 6).Select(n => settings.RetryDelay(n).TotalSeconds));
    }

    private MatrixDefinition Load(MatrixFlags flags) => MatrixDefinitionLoader.Load(flags, folder.Path, _ => null);

    private void Prepare()
    {
        folder.Write("matrix.yaml", File);
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");
        folder.Write("manjaro.Dockerfile", "FROM cox-busybox:latest\n");
    }
}

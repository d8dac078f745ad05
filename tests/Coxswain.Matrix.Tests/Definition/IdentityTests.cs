using Xunit;

namespace Coxswain.Matrix.Tests;

public sealed class IdentityTests : IDisposable
{
    private static readonly MatrixTarget Arch = new("arch", "Dockerfile", new Dictionary<string, string> { ["DISTRO"] = "arch" });
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ContextHash_SameContent_SameHashEvenAfterTouch()
    {
        var file = folder.Write("Dockerfile", "FROM cox-busybox:latest\n");
        var before = ContextHash.Compute(folder.Path, Arch);

        File.SetLastWriteTimeUtc(file, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(before, ContextHash.Compute(folder.Path, Arch));
    }

    [Fact]
    public void ContextHash_ChangedFileOrBuildArg_ChangesTheHash()
    {
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");
        var before = ContextHash.Compute(folder.Path, Arch);

        Assert.NotEqual(before, ContextHash.Compute(folder.Path, Arch with { BuildArgs = new Dictionary<string, string> { ["DISTRO"] = "manjaro" } }));
        folder.Write("test.sh", "echo hi\n");
        Assert.NotEqual(before, ContextHash.Compute(folder.Path, Arch));
    }

    [Fact]
    public void ContextHash_FileTheDockerignoreExcludes_DoesNotChangeTheHash()
    {
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");
        folder.Write(".dockerignore", "logs\n");
        var before = ContextHash.Compute(folder.Path, Arch);

        folder.Write("logs/arch/run.log", "anything");

        Assert.Equal(before, ContextHash.Compute(folder.Path, Arch));
    }

    [Fact]
    public void Names_AreDeterministicFromTargetHashRunIdAndAttempt()
    {
        var hash = new string('a', 12) + new string('b', 52);
        var runId = RunId.From(new DateTimeOffset(2030, 1, 22, 9, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal("20300122-073005Z", runId);
        Assert.Equal("demo-arch:aaaaaaaaaaaa", MatrixNames.ImageTag("demo", "arch", hash));
        Assert.Equal("demo-arch-aaaaaaaaaaaa-20300122-073005z-2", MatrixNames.Container("demo", "arch", hash, runId, 2));
    }

    [Fact]
    public void ImagePlanner_DecidesReuseBuildAndMissingWithReasons()
    {
        var targets = new List<(MatrixTarget, string)> { (Arch, "h1"), (Arch with { Name = "manjaro" }, "h2") };
        var existing = new Dictionary<string, string> { ["demo-arch:h1"] = "sha256:1" };

        var normal = ImagePlanner.Decide("demo", targets, existing, new MatrixSettings());
        var noCache = ImagePlanner.Decide("demo", targets, existing, new MatrixSettings { NoCache = true });
        var runOnly = ImagePlanner.Decide("demo", targets, existing, new MatrixSettings { Run = true });

        Assert.Equal([ImageAction.Reuse, ImageAction.Build], normal.Select(d => d.Action));
        Assert.Equal("sha256:1", normal[0].ExistingId);
        Assert.Equal([ImageAction.Build, ImageAction.Build], noCache.Select(d => d.Action));
        Assert.Equal([ImageAction.Reuse, ImageAction.Missing], runOnly.Select(d => d.Action));
        Assert.Contains("--run alone does not build", runOnly[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextCheck_RootInsideContextWithoutDockerignore_WarnsAboutRebuilds()
    {
        folder.Write("Dockerfile", "FROM cox-busybox:latest\n");
        var definition = new MatrixDefinition { Name = "demo", ContextDirectory = folder.Path, RootDirectory = folder.Path, Targets = [Arch] };

        Assert.Contains("does not exclude logs and .cache", ContextCheck.Warning(definition), StringComparison.Ordinal);
        folder.Write(".dockerignore", "logs\n.cache\n");
        Assert.Null(ContextCheck.Warning(definition));
        Assert.Null(ContextCheck.Warning(definition with { RootDirectory = Path.GetTempPath() }));
    }

    [Fact]
    public void AnsiText_Strip_RemovesColourEscapes()
    {
        Assert.Equal("oh no", AnsiText.Strip("\u001b[91moh no\n\u001b[0m"));
    }
}

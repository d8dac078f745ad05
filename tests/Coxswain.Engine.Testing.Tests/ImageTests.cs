using System.Formats.Tar;
using System.Text;

namespace Coxswain.Engine.Testing.Tests;

public sealed class ImageTests
{
    [Fact]
    public async Task Pull_Unknown_NotFoundLikeDocker()
    {
        await using var h = new Harness();
        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.PullImageAsync("nope:1", cancellationToken: Harness.Token));
        Assert.Equal("image", error.ResourceKind);
        Assert.Equal("pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", error.EngineMessage);

        h.Engine.Registry.Add("nope:2");
        var tag = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.PullImageAsync("nope:1", cancellationToken: Harness.Token));
        Assert.Equal("manifest for nope:1 not found: manifest unknown: manifest unknown", tag.EngineMessage);
    }

    [Fact]
    public async Task Pull_Known_ReportsPerLayerProgressAndStoresTheImage()
    {
        await using var h = new Harness();
        var id = h.Engine.Registry.Add("docker.io/library/redis:7", new ImageDefinition { Command = ["redis-server"], LayerCount = 3 });
        var messages = new List<ProgressMessage>();
        await h.Engine.PullImageAsync("redis:7", new SyncProgress(messages.Add), Harness.Token);

        Assert.Equal("Pulling from library/redis", messages[0].Status);
        Assert.Equal(3, messages.Where(m => m.Status == "Pull complete").Select(m => m.Id).Distinct().Count());
        var image = await h.Engine.InspectImageAsync("redis:7", Harness.Token);
        Assert.Equal(id, image.Id);
        Assert.Equal(["redis:7"], image.RepoTags);
        Assert.Equal(["redis-server"], image.Command);

        messages.Clear();
        await h.Engine.PullImageAsync("redis:7", new SyncProgress(messages.Add), Harness.Token);
        Assert.Equal("Status: Image is up to date for redis:7", messages[^1].Status);
        Assert.DoesNotContain(messages, m => m.Status == "Pull complete");
    }

    [Fact]
    public async Task Import_ReadsTheWholeStream_IdIsItsSha256()
    {
        await using var h = new Harness();
        var content = Encoding.UTF8.GetBytes(new string('x', 200_000));
        using var stream = new MemoryStream(content);
        var id = await h.Engine.ImportImageAsync(stream, "rootfs:1", cancellationToken: Harness.Token);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), id);
        var image = await h.Engine.InspectImageAsync("rootfs:1", Harness.Token);
        Assert.Equal(id, image.Id);
        Assert.Empty(image.Command);
        Assert.Equal(id, (await h.Engine.InspectImageAsync(id[7..19], Harness.Token)).Id);
    }

    [Fact]
    public async Task Build_FromLocalImage_StepsOutputAndAUsableImage()
    {
        await using var h = new Harness();
        var stream = new List<string>();
        var context = Tar(("Dockerfile", "FROM busybox:test\nLABEL team=core\nENV GREETING=hello\nRUN echo building \\\n  now\nCOPY app.sh /app.sh\nCMD [\"sh\", \"-c\", \"echo $GREETING\"]\n"), ("app.sh", "echo app"));
        var id = await h.Engine.BuildImageAsync(context, new BuildOptions { Tags = ["app:1"], Labels = new Dictionary<string, string> { ["built"] = "yes" } },
            new SyncProgress(m => stream.Add(m.Stream ?? "")), Harness.Token);

        var text = string.Concat(stream);
        Assert.Contains("Step 1/6 : FROM busybox:test\n", text, StringComparison.Ordinal);
        Assert.Contains("Step 4/6 : RUN echo building now\n", text, StringComparison.Ordinal);
        Assert.Contains("building now\n", text, StringComparison.Ordinal);
        Assert.Contains($"Successfully built {id[7..19]}\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Successfully tagged app:1\n", text, StringComparison.Ordinal);
        var image = await h.Engine.InspectImageAsync("app:1", Harness.Token);
        Assert.Equal("core", image.Labels["team"]);
        Assert.Equal("yes", image.Labels["built"]);

        await h.Engine.CreateContainerAsync(new ContainerSpec { Name = "c", Image = "app:1" }, Harness.Token);
        await h.Engine.StartContainerAsync("c", Harness.Token);
        Assert.Equal(0, await h.ExitCodeAsync("c"));
        Assert.Equal(["hello"], await h.StdoutAsync("c"));
    }

    [Theory]
    [InlineData("FROM missing:1\n", "pull access denied for missing")]
    [InlineData("FROM busybox:test\nRUN echo before; exit 3\n", "The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3")]
    [InlineData("FROM busybox:test\nCOPY nothere.txt /x\n", "COPY failed: file not found in build context or excluded by .dockerignore: stat nothere.txt: file does not exist")]
    [InlineData("FROM busybox:test\nFROBNICATE x\n", "dockerfile parse error line 2: unknown instruction: FROBNICATE")]
    public async Task Build_Broken_FailsWithDockersMessageAndTheOutputTail(string dockerfile, string error)
    {
        await using var h = new Harness();
        var failure = await Assert.ThrowsAsync<EngineBuildException>(() =>
            h.Engine.BuildImageAsync(Tar(("Dockerfile", dockerfile)), new BuildOptions { Tags = ["x:1"] }, cancellationToken: Harness.Token));
        Assert.StartsWith(error, failure.Error, StringComparison.Ordinal);
        Assert.StartsWith("Step 1/", failure.OutputTail[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FromImageInRegistry_PullsItFirst()
    {
        await using var h = new Harness();
        h.Engine.Registry.Add("alpine:3");
        await h.Engine.BuildImageAsync(Tar(("Dockerfile", "FROM alpine:3\n")), new BuildOptions { Tags = ["y:1"] }, cancellationToken: Harness.Token);
        Assert.Equal(["alpine:3"], (await h.Engine.InspectImageAsync("alpine:3", Harness.Token)).RepoTags);
    }

    [Fact]
    public async Task Build_MultiStageWithTarget_StopsAtTheTarget()
    {
        await using var h = new Harness();
        var dockerfile = "FROM busybox:test AS base\nCMD [\"echo\", \"base\"]\nFROM base AS final\nRUN exit 1\n";
        await h.Engine.BuildImageAsync(Tar(("Dockerfile", dockerfile)), new BuildOptions { Tags = ["t:1"], Target = "base" }, cancellationToken: Harness.Token);
        Assert.Equal(["echo", "base"], (await h.Engine.InspectImageAsync("t:1", Harness.Token)).Command);
    }

    [Fact]
    public async Task Remove_TagOfImageWithOtherTags_OnlyUntags()
    {
        await using var h = new Harness();
        await h.Engine.TagImageAsync(Harness.Image, "alias:1", Harness.Token);
        await h.RunAsync("c", "sleep", "300");
        await h.Engine.RemoveImageAsync("alias:1", cancellationToken: Harness.Token);
        Assert.Equal([Harness.Image], (await h.Engine.InspectImageAsync(Harness.Image, Harness.Token)).RepoTags);
    }

    [Fact]
    public async Task Remove_LastTagInUse_ConflictUnlessForced()
    {
        await using var h = new Harness();
        var image = await h.Engine.InspectImageAsync(Harness.Image, Harness.Token);
        var id = await h.CreateAsync("c", "true");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveImageAsync(Harness.Image, cancellationToken: Harness.Token));
        Assert.Equal($"conflict: unable to remove repository reference \"{Harness.Image}\" (must force) - container {id[..12]} is using its referenced image {image.Id[7..19]}", error.EngineMessage);

        var byId = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveImageAsync(image.Id, cancellationToken: Harness.Token));
        Assert.Contains("image is being used by stopped container", byId.EngineMessage, StringComparison.Ordinal);

        await h.Engine.RemoveImageAsync(image.Id, force: true, cancellationToken: Harness.Token);
        await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectImageAsync(image.Id, Harness.Token));
    }

    [Fact]
    public async Task Remove_UsedByRunningContainer_CannotBeForcedById()
    {
        await using var h = new Harness();
        var image = await h.Engine.InspectImageAsync(Harness.Image, Harness.Token);
        await h.RunAsync("c", "sleep", "300");
        var error = await Assert.ThrowsAsync<EngineConflictException>(() => h.Engine.RemoveImageAsync(image.Id, force: true, cancellationToken: Harness.Token));
        Assert.Contains("(cannot be forced) - image is being used by running container", error.EngineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithLabelFilter_AndMissingImageInspect()
    {
        await using var h = new Harness();
        h.Engine.AddLocalImage("labelled:1", new ImageDefinition { Command = ["sh"], Labels = new Dictionary<string, string> { ["kind"] = "app" } });
        Assert.Equal(2, (await h.Engine.ListImagesAsync(cancellationToken: Harness.Token)).Count);
        var labelled = Assert.Single(await h.Engine.ListImagesAsync(["kind=app"], Harness.Token));
        Assert.Equal(["labelled:1"], labelled.RepoTags);
        var missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => h.Engine.InspectImageAsync("ghost:1", Harness.Token));
        Assert.Equal("No such image: ghost:1", missing.EngineMessage);
    }

    private static MemoryStream Tar(params (string Name, string Content)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        stream.Position = 0;
        return stream;
    }

    private sealed class SyncProgress(Action<ProgressMessage> report) : IProgress<ProgressMessage>
    {
        public void Report(ProgressMessage value) => report(value);
    }
}

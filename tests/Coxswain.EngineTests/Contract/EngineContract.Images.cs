using Coxswain.Engine;
using Xunit;

namespace Coxswain.EngineTests;

/// <summary>Images: inspect, tag, untag, pull failure, build.</summary>
public abstract partial class EngineContract
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task InspectImage_Busybox_HasIdAndItsTag()
    {
        var image = await Engine.InspectImageAsync(Image, Ct).Within();

        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        // Podman differs: its tags are fully qualified ("docker.io/library/cox-busybox:latest").
        Assert.Contains(image.RepoTags, t => t == Image || t.EndsWith("/" + Image, StringComparison.Ordinal));
        Assert.True(image.SizeBytes > 0, $"busybox has a size, got {image.SizeBytes}");
    }

    [Fact]
    public async Task InspectImage_Missing_NotFoundImage()
    {
        var reference = $"{Scope.Name("absent")}:latest";

        var error = await AssertNotFoundAsync("image", () => Engine.InspectImageAsync(reference, Ct));

        Assert.Contains(Scope.Name("absent"), error.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagImage_ThenInspectByTheNewTag_SameImage()
    {
        var tag = $"{Scope.Name("tag")}:v1";
        var original = await Engine.InspectImageAsync(Image, Ct).Within();

        await Engine.TagImageAsync(Image, tag, Ct).Within();
        try
        {
            var tagged = await Engine.InspectImageAsync(tag, Ct).Within();
            Assert.Equal(original.Id, tagged.Id);
            Assert.Contains(tagged.RepoTags, t => t == tag || t.EndsWith("/" + tag, StringComparison.Ordinal));
        }
        finally
        {
            await Engine.RemoveImageAsync(tag, cancellationToken: Ct).Within();
        }
    }

    [Fact]
    public async Task RemoveImage_ExtraTag_UntagsAndKeepsTheImage()
    {
        var tag = $"{Scope.Name("tag")}:v1";
        await Engine.TagImageAsync(Image, tag, Ct).Within();

        await Engine.RemoveImageAsync(tag, cancellationToken: Ct).Within();

        await AssertNotFoundAsync("image", () => Engine.InspectImageAsync(tag, Ct));
        var still = await Engine.InspectImageAsync(Image, Ct).Within();
        Assert.DoesNotContain(still.RepoTags, t => t.EndsWith(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoveImage_Missing_NotFoundImage()
    {
        await AssertNotFoundAsync("image", () => Engine.RemoveImageAsync($"{Scope.Name("absent")}:latest", cancellationToken: Ct));
    }

    [Fact]
    public async Task PullImage_Nonexistent_FailsNamingTheImage()
    {
        // A registry on a closed loopback port: nothing leaves the machine. Docker answers 500 naming the registry only,
        // Podman 200 with an error in the progress stream; the in-memory engine's registry has no such image (404).
        var repository = $"127.0.0.1:1/{Scope.Name("absent")}";
        var reference = $"{repository}:latest";

        var error = await Assert.ThrowsAnyAsync<EngineException>(
            () => Engine.PullImageAsync(reference, cancellationToken: Ct).Within(TimeSpan.FromSeconds(60)));

        if (error is EngineNotFoundException notFound)
        {
            Assert.Equal("image", notFound.ResourceKind);
        }
        else
        {
            Assert.IsAssignableFrom<EngineApiException>(error);
            Assert.Contains(repository, error.Message, StringComparison.Ordinal);
        }

        await AssertNotFoundAsync("image", () => Engine.InspectImageAsync(reference, Ct));
    }

    [Fact]
    public async Task BuildImage_TinyDockerfile_StreamsOutputAndTheIdIsInspectable()
    {
        var tag = $"{Scope.Name("built")}:v1";
        var dockerfile = $"""
            FROM {Image}
            LABEL io.coxswain.test.built="yes"
            RUN echo built > /built.txt
            """;
        using var context = BuildContext.WithDockerfile(dockerfile);
        var progress = new Recorded<ProgressMessage>();
        var options = new BuildOptions { Tags = [tag], Labels = Scope.Labels };

        var id = await Engine.BuildImageAsync(context, options, progress, Ct).Within(BuildTimeout);

        Assert.Contains(progress.Items, m => !string.IsNullOrWhiteSpace(m.Stream));
        var image = await Engine.InspectImageAsync(tag, Ct).Within();
        Assert.Equal(Sha(id), Sha(image.Id));
        Assert.Equal(Sha(id), Sha((await Engine.InspectImageAsync(id, Ct).Within()).Id));
        // Podman differs: buildah adds io.buildah.version.
        Assert.Equal("yes", image.Labels["io.coxswain.test.built"]);
        Assert.Equal(Scope.Id, image.Labels[TestScope.CaseLabel]);
        var listed = await Engine.ListImagesAsync([Scope.CaseFilter], Ct).Within();
        Assert.Equal(Sha(id), Sha(Assert.Single(listed).Id));
    }

    [Fact]
    public async Task BuildImage_FailingRun_EngineBuildExceptionWithOutputAndNoContainerLeft()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-2);
        using var context = BuildContext.WithDockerfile($"""
            FROM {Image}
            RUN echo about to fail {Scope.Id} && exit 4
            """);
        var options = new BuildOptions { Tags = [$"{Scope.Name("broken")}:v1"], Labels = Scope.Labels };

        var error = await Assert.ThrowsAsync<EngineBuildException>(
            () => Engine.BuildImageAsync(context, options, cancellationToken: Ct).Within(BuildTimeout));

        Assert.False(string.IsNullOrWhiteSpace(error.Error));
        Assert.Contains(error.OutputTail, l => l.Contains($"about to fail {Scope.Id}", StringComparison.Ordinal));

        // Docker keeps the failed step's container unless asked to remove it (forcerm); Podman's buildah keeps none.
        var recent = (await Engine.ListContainersAsync(new ContainerListOptions(), Ct).Within()).Where(c => c.Created >= started);
        var leftBehind = new List<string>();
        foreach (var container in recent)
        {
            try
            {
                var info = await InspectAsync(container.Id);
                if (info.Command.Any(a => a.Contains(Scope.Id, StringComparison.Ordinal)))
                {
                    leftBehind.Add($"{info.Name} ({string.Join(' ', info.Command)})");
                    await Engine.RemoveContainerAsync(info.Id, force: true, cancellationToken: Ct).Within();
                }
            }
            catch (EngineNotFoundException)
            {
                // Someone else's container, gone in between.
            }
        }

        Assert.True(leftBehind.Count == 0, $"the failed build left its container behind: {string.Join(", ", leftBehind)}");
    }

    /// <summary>An image id without the "sha256:" prefix (build output may omit it).</summary>
    private static string Sha(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
}

namespace Coxswain.Engine;

/// <summary>Images: list, inspect, pull, import, build, tag, remove.</summary>
public interface IImageOperations
{
    /// <summary>Lists images, optionally only those with all the given labels ("key" or "key=value").</summary>
    Task<IReadOnlyList<ImageSummary>> ListImagesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Inspects one image by reference or id.</summary>
    Task<ImageInfo> InspectImageAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Pulls an image, reporting per-layer progress as it arrives. Throws <see cref="EngineNotFoundException"/>
    /// when the image does not exist and <see cref="EngineApiException"/> for other registry errors.</summary>
    Task PullImageAsync(string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an image from a root filesystem tar (like <c>docker import</c>) and returns its id.</summary>
    Task<string> ImportImageAsync(Stream rootfsTar, string reference, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Builds an image from a tar of the build context, streaming the build output, and returns its id.
    /// A failed build throws <see cref="EngineBuildException"/> with the last lines of output.</summary>
    Task<string> BuildImageAsync(Stream contextTar, BuildOptions options, IProgress<ProgressMessage>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Adds the tag <paramref name="target"/> (repo:tag) to <paramref name="source"/>.</summary>
    Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default);

    /// <summary>Removes an image (or one of its tags). Throws <see cref="EngineConflictException"/> when a container uses it and <paramref name="force"/> is false.</summary>
    Task RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default);
}

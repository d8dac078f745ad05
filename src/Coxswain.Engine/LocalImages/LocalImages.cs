using System.Collections.Concurrent;

namespace Coxswain.Engine;

/// <summary>
/// Images made on this machine, without a registry: a busybox image imported from a root filesystem built around the host's
/// static <c>/bin/busybox</c>, and images built from a local context folder.
/// </summary>
public static partial class LocalImages
{
    /// <summary>The reference of the busybox image: <c>cox-busybox:latest</c>.</summary>
    public const string BusyboxReference = "cox-busybox:latest";

    /// <summary>Where Debian's <c>busybox-static</c> package puts the static binary.</summary>
    public const string HostBusyboxPath = "/bin/busybox";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ImportLocks = new(StringComparer.Ordinal);

    /// <summary>Makes sure <paramref name="reference"/> exists on <paramref name="engine"/>, importing the busybox root filesystem
    /// when it does not, and returns the reference. Concurrent callers in one process import once; a race with another process
    /// imports twice, harmlessly (the tag ends on one of two equal images).</summary>
    public static async Task<string> EnsureBusyboxAsync(
        IEngineClient engine, string reference = BusyboxReference, CancellationToken cancellationToken = default)
    {
        var image = await EnsureBusyboxImageAsync(engine, reference, HostBusyboxPath, cancellationToken).ConfigureAwait(false);
        return image.Reference;
    }

    /// <summary>Like <see cref="EnsureBusyboxAsync"/>, and also says the image id and whether it was imported now.
    /// <paramref name="busyboxPath"/> is the static busybox binary to put in the image.</summary>
    public static async Task<EnsuredImage> EnsureBusyboxImageAsync(
        IEngineClient engine,
        string reference = BusyboxReference,
        string busyboxPath = HostBusyboxPath,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(busyboxPath);

        var gate = ImportLocks.GetOrAdd(engine.Endpoint.Address + "\n" + reference, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                var existing = await engine.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
                return new EnsuredImage(reference, existing.Id, Imported: false);
            }
            catch (EngineNotFoundException)
            {
                // Not there yet: import it below.
            }

            Stream rootfs;
            try
            {
                rootfs = CreateBusyboxRootfs(busyboxPath);
            }
            catch (EngineException ex)
            {
                throw new EngineException($"cannot create the image {reference} on {engine.Endpoint}: {ex.Message}", ex);
            }

            await using (rootfs.ConfigureAwait(false))
            {
                var id = await engine.ImportImageAsync(rootfs, reference, progress: null, cancellationToken).ConfigureAwait(false);
                return new EnsuredImage(reference, id, Imported: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Tars <paramref name="contextDirectory"/> (respecting its <c>.dockerignore</c>) and builds it on <paramref name="engine"/>,
    /// returning the image id. Throws <see cref="EngineBuildException"/> when the build fails.</summary>
    public static async Task<string> BuildAsync(
        IEngineClient engine,
        string contextDirectory,
        BuildOptions options,
        IProgress<ProgressMessage>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var dockerfile = Path.Combine(contextDirectory, options.Dockerfile);
        if (Directory.Exists(contextDirectory) && !File.Exists(dockerfile))
        {
            throw new EngineException(
                $"cannot build {DescribeTags(options)}: there is no {options.Dockerfile} in the build context {Path.GetFullPath(contextDirectory)}; create it or set the Dockerfile option");
        }

        var context = CreateContextTar(contextDirectory, options.Dockerfile);
        await using (context.ConfigureAwait(false))
        {
            return await engine.BuildImageAsync(context, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DescribeTags(BuildOptions options) =>
        options.Tags.Count == 0 ? "an image" : string.Join(", ", options.Tags);
}

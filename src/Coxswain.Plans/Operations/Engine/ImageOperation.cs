using Coxswain.Engine;

namespace Coxswain.Plans.Operations.Engine;

/// <summary>
/// Ensures an image is present on the task's engine: Unchanged when it is, otherwise pulled (or
/// imported from the local busybox root filesystem) and Changed.
/// </summary>
public sealed class ImageOperation : IOperation
{
    /// <summary>The YAML type name: "image".</summary>
    public const string TypeName = "image";

    /// <summary>Creates the operation.</summary>
    /// <param name="reference">The image reference (name:tag).</param>
    /// <param name="source">Where a missing image comes from.</param>
    public ImageOperation(string reference, ImageSource source = ImageSource.Pull)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        Reference = reference;
        Source = source;
    }

    /// <summary>The image reference.</summary>
    public string Reference { get; }

    /// <summary>Where a missing image comes from.</summary>
    public ImageSource Source { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"image: {Reference}" + (Source == ImageSource.Busybox ? " (local busybox)" : "");

    /// <inheritdoc />
    public string Fingerprint => $"image ref={Reference} source={Source}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        if (await EngineLookup.FindImageAsync(engine, Reference, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return TaskResult.UnchangedWith($"{Reference} is present ({ShortId(existing.Id)})");
        }

        if (Source == ImageSource.Busybox)
        {
            var ensured = await LocalImages.EnsureBusyboxImageAsync(engine, Reference, cancellationToken: cancellationToken).ConfigureAwait(false);
            return ensured.Imported
                ? TaskResult.ChangedWith($"imported {Reference} ({ShortId(ensured.Id)}) from the local busybox")
                : TaskResult.UnchangedWith($"{Reference} is present ({ShortId(ensured.Id)})");
        }

        context.Log($"pulling {Reference}");
        try
        {
            await engine.PullImageAsync(Reference, progress: null, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException ex)
        {
            throw new InvalidOperationException(
                $"Task '{context.TaskName}': cannot pull {Reference} on {engine.Endpoint}: {ex.Message}. Check the name and the registry, or use 'source: busybox' for the local busybox image.", ex);
        }

        return TaskResult.ChangedWith($"pulled {Reference}");
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = await context.GetEngineAsync(cancellationToken).ConfigureAwait(false);
        return await EngineLookup.FindImageAsync(engine, Reference, cancellationToken).ConfigureAwait(false) is null
            ? CheckResult.WouldChange(Source == ImageSource.Busybox ? $"would import {Reference}" : $"would pull {Reference}")
            : CheckResult.NoChange($"{Reference} is present");
    }

    internal static string ShortId(string id)
    {
        var bare = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return bare.Length > 12 ? bare[..12] : bare;
    }
}

namespace Coxswain.Matrix;

/// <summary>Decides, without touching anything, which images to build and which to reuse: a pure function of the targets'
/// content hashes, the tags the engine has, and the flags.</summary>
public static class ImagePlanner
{
    /// <summary>One decision per target, in order. <paramref name="existing"/> maps image tags the engine has to their ids.</summary>
    public static IReadOnlyList<ImageDecision> Decide(
        string matrixName,
        IReadOnlyList<(MatrixTarget Target, string Hash)> targets,
        IReadOnlyDictionary<string, string> existing,
        MatrixSettings settings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(settings);
        var decisions = new List<ImageDecision>(targets.Count);
        foreach (var (target, hash) in targets)
        {
            var tag = MatrixNames.ImageTag(matrixName, target.Name, hash);
            var id = existing.TryGetValue(tag, out var found) ? found : null;
            decisions.Add((id, settings.Builds, settings.NoCache) switch
            {
                (_, true, true) => new ImageDecision(target, hash, tag, ImageAction.Build, "--no-cache rebuilds", id),
                (null, true, _) => new ImageDecision(target, hash, tag, ImageAction.Build, "no image has this content hash yet", null),
                (null, false, _) => new ImageDecision(target, hash, tag, ImageAction.Missing,
                    $"the image {tag} does not exist and --run alone does not build: run with --build (or without --run) first", null),
                _ => new ImageDecision(target, hash, tag, ImageAction.Reuse, "the build context is unchanged: same content hash", id),
            });
        }

        return decisions;
    }
}

namespace Coxswain.Matrix;

/// <summary>The decision about one target's image, with its reason.</summary>
/// <param name="Target">The target.</param>
/// <param name="ContextHash">The content hash of its build (64 hex digits).</param>
/// <param name="Tag">Its image tag, <c>name-target:hash12</c>.</param>
/// <param name="Action">Reuse, build, or missing.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="ExistingId">The id of the image found under <paramref name="Tag"/>, if any.</param>
public sealed record ImageDecision(MatrixTarget Target, string ContextHash, string Tag, ImageAction Action, string Reason, string? ExistingId)
{
    /// <inheritdoc />
    public override string ToString() => $"{Target.Name}: {Action.ToString().ToLowerInvariant()} {Tag} ({Reason})";
}

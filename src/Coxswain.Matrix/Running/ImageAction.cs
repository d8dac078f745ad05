namespace Coxswain.Matrix;

/// <summary>What happens to a target's image before its containers run.</summary>
public enum ImageAction
{
    /// <summary>An image with the same content hash exists: use it.</summary>
    Reuse,

    /// <summary>Build it (no image with this hash, or <c>--no-cache</c>).</summary>
    Build,

    /// <summary>It does not exist and this run does not build (<c>--run</c> alone): the target fails.</summary>
    Missing,
}

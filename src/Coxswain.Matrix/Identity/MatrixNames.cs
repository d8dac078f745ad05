using System.Globalization;

namespace Coxswain.Matrix;

/// <summary>Deterministic names: image tags from the content hash, container names from target, image hash, run id and attempt.</summary>
public static class MatrixNames
{
    /// <summary>Label: every object Coxswain manages.</summary>
    public const string ManagedLabel = "io.coxswain.managed";

    /// <summary>Label: the matrix's name.</summary>
    public const string ProjectLabel = "io.coxswain.project";

    /// <summary>Label: the run id.</summary>
    public const string RunLabel = "io.coxswain.matrix.run";

    /// <summary>Label: the target.</summary>
    public const string TargetLabel = "io.coxswain.matrix.target";

    /// <summary>Label on images: the full content hash.</summary>
    public const string HashLabel = "io.coxswain.matrix.context-hash";

    /// <summary>The image repository of a target: <c>&lt;name&gt;-&lt;target&gt;</c>.</summary>
    public static string Repository(string matrixName, string target) => $"{matrixName}-{target}";

    /// <summary>The image tag: <c>&lt;name&gt;-&lt;target&gt;:&lt;first 12 hex digits of the hash&gt;</c>.</summary>
    public static string ImageTag(string matrixName, string target, string contextHash) =>
        $"{Repository(matrixName, target)}:{ShortHash(contextHash)}";

    /// <summary>The container of one attempt: <c>&lt;name&gt;-&lt;target&gt;-&lt;hash12&gt;-&lt;runid&gt;-&lt;attempt&gt;</c>, lower case
    /// (the run id's Z too), e.g. <c>demo-arch-3f2a9c1b0d4e-20260122-093000z-1</c>.</summary>
    public static string Container(string matrixName, string target, string contextHash, string runId, int attempt) =>
        $"{Repository(matrixName, target)}-{ShortHash(contextHash)}-{runId.ToLowerInvariant()}-{attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first <see cref="ContextHash.TagLength"/> hex digits.</summary>
    public static string ShortHash(string contextHash) =>
        contextHash.Length <= ContextHash.TagLength ? contextHash : contextHash[..ContextHash.TagLength];
}

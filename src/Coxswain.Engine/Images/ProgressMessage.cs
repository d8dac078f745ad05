namespace Coxswain.Engine;

/// <summary>One progress message from a pull, import or build. <see cref="Id"/> is the layer for pulls;
/// <see cref="Stream"/> carries build output text.</summary>
public sealed record ProgressMessage
{
    /// <summary>Layer id (pull) or null.</summary>
    public string? Id { get; init; }

    /// <summary>Status text ("Downloading", "Pull complete", ...).</summary>
    public string? Status { get; init; }

    /// <summary>Bytes done, when known.</summary>
    public long? Current { get; init; }

    /// <summary>Bytes in all, when known.</summary>
    public long? Total { get; init; }

    /// <summary>Build output text.</summary>
    public string? Stream { get; init; }

    /// <summary>Error text, if the engine reported one in the stream.</summary>
    public string? Error { get; init; }
}

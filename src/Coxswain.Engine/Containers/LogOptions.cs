namespace Coxswain.Engine;

/// <summary>Which log lines to read.</summary>
public sealed record LogOptions
{
    /// <summary>Include stdout.</summary>
    public bool Stdout { get; init; } = true;

    /// <summary>Include stderr.</summary>
    public bool Stderr { get; init; } = true;

    /// <summary>Only the last N lines; null for all.</summary>
    public int? Tail { get; init; }

    /// <summary>Only lines written at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only lines written before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Ask the engine for each line's timestamp (<see cref="LogLine.Timestamp"/>).</summary>
    public bool Timestamps { get; init; }

    /// <summary>Keep streaming new lines until the container stops or the token is cancelled.</summary>
    public bool Follow { get; init; }
}

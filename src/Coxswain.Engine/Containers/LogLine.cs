namespace Coxswain.Engine;

/// <summary>One line of container output, without its line terminator.</summary>
public sealed record LogLine(LogStream Stream, string Text, DateTimeOffset? Timestamp = null);

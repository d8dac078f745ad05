namespace Coxswain.Engine.Testing;

/// <summary>One line a container's main process wrote.</summary>
internal sealed record LogEntry(LogStream Stream, string Text, DateTimeOffset Time);

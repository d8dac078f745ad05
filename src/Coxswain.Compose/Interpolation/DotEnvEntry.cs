namespace Coxswain.Compose;

/// <summary>One line of a dotenv file: a key and its value, or no value for a bare <c>KEY</c> (taken from the environment).</summary>
internal sealed record DotEnvEntry(string Key, string? Value, SourceLocation Location);

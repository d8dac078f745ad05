namespace Coxswain.Compose;

/// <summary>One key and value of a <see cref="ComposeMapping"/>.</summary>
/// <param name="Key">The key, with where it was written.</param>
/// <param name="Value">The value.</param>
public sealed record ComposeEntry(ComposeScalar Key, ComposeNode Value)
{
    /// <summary>The key's text.</summary>
    public string Name => Key.Value;
}

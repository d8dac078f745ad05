namespace Coxswain.Compose;

/// <summary>
/// A node of a Compose file's YAML tree after anchors, aliases and merge keys are resolved, with where it was written.
/// Extensions (<c>x-*</c>, including Coxswain's own <c>x-cox</c>) are handed out in this raw form.
/// </summary>
/// <param name="Location">Where the node starts.</param>
public abstract record ComposeNode(SourceLocation Location)
{
    /// <summary>The node's explicit YAML tag (e.g. <c>!reset</c>, <c>!override</c>), or null.</summary>
    public string? Tag { get; init; }

    /// <summary>The node as plain .NET values: strings (or null) for scalars, <see cref="List{T}"/> for sequences, <see cref="Dictionary{TKey, TValue}"/> for mappings.</summary>
    /// <returns>The value.</returns>
    public abstract object? ToPlainObject();

    /// <summary>A short name of the node's kind for messages ("a string", "a list", "a mapping", "null").</summary>
    public abstract string KindName { get; }
}

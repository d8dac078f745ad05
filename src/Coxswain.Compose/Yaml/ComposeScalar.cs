namespace Coxswain.Compose;

/// <summary>A YAML scalar. Its text is kept as written (after interpolation); types are decided by the field that reads it.</summary>
/// <param name="Value">The scalar's text.</param>
/// <param name="Location">Where it was written.</param>
public sealed record ComposeScalar(string Value, SourceLocation Location) : ComposeNode(Location)
{
    /// <summary>True when the scalar was written plain (no quotes, no block style); only plain scalars can be null, booleans or numbers.</summary>
    public bool IsPlain { get; init; } = true;

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string KindName => IsNull ? "null" : "a string";

    /// <inheritdoc/>
    public override object? ToPlainObject() => IsNull ? null : Value;
}

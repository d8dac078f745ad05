namespace Coxswain.Compose;

/// <summary>A YAML sequence.</summary>
/// <param name="Items">The items in order.</param>
/// <param name="Location">Where the sequence starts.</param>
public sealed record ComposeSequence(IReadOnlyList<ComposeNode> Items, SourceLocation Location) : ComposeNode(Location)
{
    /// <inheritdoc/>
    public override string KindName => "a list";

    /// <inheritdoc/>
    public override object? ToPlainObject() => Items.Select(item => item.ToPlainObject()).ToList();
}

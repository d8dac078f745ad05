namespace Coxswain.Compose;

/// <summary>A YAML mapping, its entries in the order they were written.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Location">Where the mapping starts.</param>
public sealed record ComposeMapping(IReadOnlyList<ComposeEntry> Entries, SourceLocation Location) : ComposeNode(Location)
{
    /// <inheritdoc/>
    public override string KindName => "a mapping";

    /// <summary>The entry with this key, or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The entry.</returns>
    public ComposeEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Name == key)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The value of this key, or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public ComposeNode? Get(string key) => Find(key)?.Value;

    /// <inheritdoc/>
    public override object? ToPlainObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            result[entry.Name] = entry.Value.ToPlainObject();
        }

        return result;
    }
}

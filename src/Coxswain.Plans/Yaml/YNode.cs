namespace Coxswain.Plans.Yaml;

/// <summary>A YAML node with its place in the file (scalar, sequence or mapping).</summary>
internal abstract class YNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    public abstract string KindName { get; }
}

/// <summary>A scalar: its text, and whether it was written plain (unquoted).</summary>
internal sealed class YScalar(string value, bool plain, SourceLocation location) : YNode(location)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = plain;

    /// <summary>Column offset of the text inside the source (1 for quoted scalars).</summary>
    public int TextOffset => IsPlain ? 0 : 1;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a scalar";
}

/// <summary>A sequence (list).</summary>
internal sealed class YSequence(List<YNode> items, SourceLocation location) : YNode(location)
{
    public List<YNode> Items { get; } = items;

    public override string KindName => "a list";
}

/// <summary>A mapping, keeping the order of its keys.</summary>
internal sealed class YMapping(List<KeyValuePair<YScalar, YNode>> entries, SourceLocation location) : YNode(location)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    public override string KindName => "a mapping";

    public YNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coxswain.Compose;

/// <summary>
/// Reads YAML text into a <see cref="ComposeNode"/> tree: anchors and aliases resolved, merge keys (<c>&lt;&lt;</c>) applied,
/// duplicate keys reported, every node carrying its file, line and column.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private const string MergeKey = "<<";

    /// <summary>The most nodes a document may expand to through aliases (a "billion laughs" document is refused, not walked).</summary>
    internal const long MaxExpandedNodes = 1_000_000;

    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, ComposeNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<ComposeNode, long> _anchoredSizes = new(ReferenceEqualityComparer.Instance);
    private long _expanded;
    private readonly Parser _parser;

    private YamlTreeReader(string text, string file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The root node of the only document, or null when the text is empty or malformed (the problem is reported).</summary>
    public static ComposeNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var reader = new YamlTreeReader(text, file, diagnostics);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException ex)
        {
            var location = new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.InvalidYaml, location, string.Empty, "invalid YAML: " + CleanMessage(ex.Message));
            return null;
        }
    }

    private static string CleanMessage(string message)
    {
        var text = MarkPrefix().Replace(message, string.Empty).Trim();
        return text.Length > 0 && char.IsUpper(text[0]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private ParsingEvent Next()
    {
        if (!_parser.MoveNext())
        {
            throw new YamlException("unexpected end of the YAML stream");
        }

        return _parser.Current!;
    }

    private ComposeNode? ReadStream()
    {
        Next(); // StreamStart
        ComposeNode? root = null;
        var documents = 0;
        while (Next() is DocumentStart start)
        {
            documents++;
            var node = ReadNode(Next());
            Next(); // DocumentEnd
            if (documents == 1)
            {
                root = node;
            }
            else if (documents == 2)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidYaml, At(start.Start), string.Empty, "a Compose file holds one YAML document; remove the second \"---\" document or move it to its own file");
            }
        }

        return root;
    }

    private ComposeNode ReadNode(ParsingEvent ev)
    {
        var before = _expanded;
        switch (ev)
        {
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    _expanded += _anchoredSizes.GetValueOrDefault(target, 1);
                    if (_expanded > MaxExpandedNodes)
                    {
                        throw new YamlException(alias.Start, alias.End, $"the aliases expand to more than {MaxExpandedNodes} nodes; is this an alias bomb?");
                    }

                    return target;
                }

                _diagnostics.Error(DiagnosticCodes.InvalidYaml, At(alias.Start), string.Empty, $"unknown anchor \"{alias.Value.Value}\": define it with &{alias.Value.Value} before using *{alias.Value.Value}");
                return new ComposeScalar(string.Empty, At(alias.Start));
            case Scalar scalar:
                return Remember(scalar, expandedBefore: before, node: new ComposeScalar(scalar.Value, At(scalar.Start))
                {
                    IsPlain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || TagOf(scalar) is "!reset" or "!override"),
                    Tag = TagOf(scalar),
                });
            case SequenceStart start:
                return Remember(start, ReadSequence(start), before);
            case MappingStart start:
                return Remember(start, ReadMapping(start), before);
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected YAML event {ev.GetType().Name}");
        }
    }

    private static string? TagOf(NodeEvent ev) => ev.Tag.IsEmpty || ev.Tag.IsNonSpecific ? null : ev.Tag.Value;

    private ComposeNode Remember(NodeEvent ev, ComposeNode node, long expandedBefore)
    {
        _expanded++;
        if (!ev.Anchor.IsEmpty)
        {
            _anchors[ev.Anchor.Value] = node;
            _anchoredSizes[node] = _expanded - expandedBefore;
        }

        return node;
    }

    private ComposeSequence ReadSequence(SequenceStart start)
    {
        var items = new List<ComposeNode>();
        for (var ev = Next(); ev is not SequenceEnd; ev = Next())
        {
            items.Add(ReadNode(ev));
        }

        return new ComposeSequence(items, At(start.Start)) { Tag = TagOf(start) };
    }

    private ComposeMapping ReadMapping(MappingStart start)
    {
        var entries = new List<ComposeEntry>();
        var explicitKeys = new Dictionary<string, ComposeScalar>(StringComparer.Ordinal);
        var merged = new List<(int Index, ComposeMapping Source)>();
        for (var ev = Next(); ev is not MappingEnd; ev = Next())
        {
            var keyNode = ReadNode(ev);
            var value = ReadNode(Next());
            if (keyNode is not ComposeScalar key)
            {
                _diagnostics.Error(DiagnosticCodes.WrongType, keyNode.Location, string.Empty, $"a mapping key must be a string, found {keyNode.KindName}");
                continue;
            }

            if (key.Value == MergeKey && key.IsPlain)
            {
                foreach (var source in MergeSources(value))
                {
                    merged.Add((entries.Count, source));
                }

                continue;
            }

            if (explicitKeys.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Error(DiagnosticCodes.Duplicate, key.Location, string.Empty, $"duplicate key \"{key.Value}\" (first defined at line {first.Location.Line}); remove one of them");
                continue;
            }

            explicitKeys[key.Value] = key;
            entries.Add(new ComposeEntry(key, value));
        }

        if (merged.Count > 0)
        {
            entries = ApplyMerges(entries, merged, explicitKeys);
        }

        return new ComposeMapping(entries, At(start.Start)) { Tag = TagOf(start) };
    }

    private IEnumerable<ComposeMapping> MergeSources(ComposeNode value)
    {
        switch (value)
        {
            case ComposeMapping mapping:
                yield return mapping;
                break;
            case ComposeSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is ComposeMapping itemMapping)
                    {
                        yield return itemMapping;
                    }
                    else
                    {
                        _diagnostics.Error(DiagnosticCodes.WrongType, item.Location, string.Empty, $"the merge key \"<<\" takes mappings, found {item.KindName}");
                    }
                }

                break;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongType, value.Location, string.Empty, $"the merge key \"<<\" takes a mapping or a list of mappings (usually an alias like *default), found {value.KindName}");
                break;
        }
    }

    private static List<ComposeEntry> ApplyMerges(List<ComposeEntry> entries, List<(int Index, ComposeMapping Source)> merged, Dictionary<string, ComposeScalar> explicitKeys)
    {
        // Explicit keys win over merged ones; among merged sources the first one listed wins. Merged entries sit where "<<" was.
        var taken = new HashSet<string>(explicitKeys.Keys, StringComparer.Ordinal);
        var inserts = new List<(int Index, ComposeEntry Entry)>();
        foreach (var (index, source) in merged)
        {
            foreach (var entry in source.Entries)
            {
                if (taken.Add(entry.Name))
                {
                    inserts.Add((index, entry));
                }
            }
        }

        var result = new List<ComposeEntry>(entries.Count + inserts.Count);
        var next = 0;
        for (var i = 0; i <= entries.Count; i++)
        {
            while (next < inserts.Count && inserts[next].Index == i)
            {
                result.Add(inserts[next++].Entry);
            }

            if (i < entries.Count)
            {
                result.Add(entries[i]);
            }
        }

        return result;
    }
}

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coxswain.Plans.Yaml;

/// <summary>Reads one YAML document into <see cref="YNode"/>s with positions; syntax errors and duplicate keys become plan errors.</summary>
internal static partial class YamlReader
{
    /// <summary>Reads the document; duplicate keys are left out of their mapping and listed in <paramref name="duplicates"/>.</summary>
    public static YNode? Read(string text, string file, List<PlanError> errors, List<DuplicateKey> duplicates)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                errors.Add(new PlanError("the file is empty; a plan needs at least a 'tasks' mapping.", null, new SourceLocation(file, 1, 1)));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, anchors, errors, duplicates);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                errors.Add(new PlanError("only one YAML document is allowed in a plan file.", null, At(file, next.Start)));
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new PlanError($"YAML syntax error: {PositionPrefix().Replace(ex.Message, "")}", null, At(file, ex.Start)));
            return null;
        }
    }

    private static YNode ReadNode(IParser parser, string file, Dictionary<string, YNode> anchors, List<PlanError> errors, List<DuplicateKey> duplicates)
    {
        YNode node;
        AnchorName anchor;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            errors.Add(new PlanError($"unknown YAML alias '*{alias.Value}'.", null, At(file, alias.Start)));
            return new YScalar("", plain: true, At(file, alias.Start));
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(file, scalar.Start));
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors, errors, duplicates));
            }

            node = new YSequence(items, At(file, sequenceStart.Start));
            anchor = sequenceStart.Anchor;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            var mapping = new YMapping(entries, At(file, mappingStart.Start));
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, file, anchors, errors, duplicates);
                var value = ReadNode(parser, file, anchors, errors, duplicates);
                if (keyNode is not YScalar key)
                {
                    errors.Add(new PlanError($"a mapping key must be a plain value, not {keyNode.KindName}.", null, keyNode.Location));
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    duplicates.Add(new DuplicateKey(mapping, key, first));
                    continue;
                }

                seen[key.Value] = key.Location;
                entries.Add(new(key, value));
            }

            node = mapping;
            anchor = mappingStart.Anchor;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    /// <summary>A key given twice in one mapping.</summary>
    internal sealed record DuplicateKey(YMapping Mapping, YScalar Key, SourceLocation First);
}

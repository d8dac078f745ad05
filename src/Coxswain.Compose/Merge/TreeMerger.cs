namespace Coxswain.Compose;

/// <summary>
/// Merges the trees of several Compose files with the compose-spec rules: mappings merge key by key, scalars are replaced,
/// sequences are appended (identical scalars once), except <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c>
/// (replaced) and <c>ports</c>, <c>volumes</c>, <c>secrets</c> and <c>configs</c> (an entry with the same unique key replaces the
/// earlier one in place: see <see cref="UniqueKeys"/>). A value tagged <c>!reset</c> removes the field; <c>!override</c>
/// replaces it whole. Every node keeps the location it was written at.
/// </summary>
internal static class TreeMerger
{
    public static ComposeNode Merge(IReadOnlyList<ComposeNode> trees)
    {
        var result = trees[0];
        for (var i = 1; i < trees.Count; i++)
        {
            result = MergeNode(result, trees[i], []) ?? new ComposeMapping([], trees[i].Location);
        }

        return StripResets(result) ?? new ComposeMapping([], trees[0].Location);
    }

    /// <summary>Merges one service definition over another with the same rules (for <c>extends</c>).</summary>
    public static ComposeMapping MergeService(string name, ComposeMapping baseService, ComposeMapping overrideService) =>
        MergeMappings(baseService, overrideService, ["services", name]);

    private static ComposeNode? MergeNode(ComposeNode baseNode, ComposeNode overrideNode, List<string> path)
    {
        switch (overrideNode.Tag)
        {
            case "!reset":
                return null;
            case "!override":
                return overrideNode with { Tag = null };
        }

        return (baseNode, overrideNode) switch
        {
            (ComposeMapping b, ComposeMapping o) => MergeMappings(b, o, path),
            (ComposeSequence b, ComposeSequence o) => MergeSequences(b, o, path),
            _ => overrideNode,
        };
    }

    private static ComposeMapping MergeMappings(ComposeMapping baseMapping, ComposeMapping overrideMapping, List<string> path)
    {
        var entries = new List<ComposeEntry>();
        foreach (var entry in baseMapping.Entries)
        {
            if (overrideMapping.Find(entry.Name) is not { } over)
            {
                entries.Add(entry);
                continue;
            }

            path.Add(entry.Name);
            var merged = MergeNode(entry.Value, over.Value, path);
            path.RemoveAt(path.Count - 1);
            if (merged is not null)
            {
                entries.Add(entry with { Value = merged });
            }
        }

        foreach (var entry in overrideMapping.Entries)
        {
            if (baseMapping.Find(entry.Name) is null && entry.Value.Tag != "!reset")
            {
                entries.Add(entry.Value.Tag == "!override" ? entry with { Value = entry.Value with { Tag = null } } : entry);
            }
        }

        return baseMapping with { Entries = entries };
    }

    private static ComposeSequence MergeSequences(ComposeSequence baseSequence, ComposeSequence overrideSequence, List<string> path)
    {
        if (IsReplacedField(path))
        {
            return overrideSequence;
        }

        var keyOf = UniqueKeys.For(path);
        var items = new List<ComposeNode>(baseSequence.Items);
        foreach (var item in overrideSequence.Items)
        {
            if (keyOf is not null && keyOf(item) is { } key)
            {
                var index = items.FindIndex(existing => keyOf(existing) == key);
                if (index >= 0)
                {
                    items[index] = item;
                    continue;
                }
            }
            else if (item is ComposeScalar scalar && items.Exists(existing => existing is ComposeScalar s && s.Value == scalar.Value))
            {
                continue;
            }

            items.Add(item);
        }

        return baseSequence with { Items = items };
    }

    private static bool IsReplacedField(List<string> path) =>
        path is ["services", _, "command" or "entrypoint"] or ["services", _, "healthcheck", "test"];

    /// <summary>Removes what the first file tagged <c>!reset</c>, and drops <c>!override</c> tags.</summary>
    private static ComposeNode? StripResets(ComposeNode node)
    {
        switch (node.Tag)
        {
            case "!reset":
                return null;
            case "!override":
                node = node with { Tag = null };
                break;
        }

        return node switch
        {
            ComposeMapping mapping => mapping with
            {
                Entries = mapping.Entries.Select(e => StripResets(e.Value) is { } value ? e with { Value = value } : null).OfType<ComposeEntry>().ToList(),
            },
            ComposeSequence sequence => sequence with { Items = sequence.Items.Select(StripResets).OfType<ComposeNode>().ToList() },
            _ => node,
        };
    }
}

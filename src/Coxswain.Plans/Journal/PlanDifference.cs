namespace Coxswain.Plans.Journal;

/// <summary>Says how a plan differs from the definition a journaled run was started with.</summary>
internal static class PlanDifference
{
    public static PlanResumeException Describe(string planName, string runId, IReadOnlyDictionary<string, string> recorded, IReadOnlyList<KeyValuePair<string, string>> current)
    {
        var now = current.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var added = now.Keys.Where(k => !recorded.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = recorded.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = now.Where(p => recorded.TryGetValue(p.Key, out var h) && h != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        Add(parts, "added", added);
        Add(parts, "removed", removed);
        Add(parts, "changed", changed);
        var what = parts.Count == 0 ? "its definition hash differs" : string.Join("; ", parts);
        return new PlanResumeException(
            $"Cannot resume run '{runId}' of plan '{planName}': the plan changed since the run started ({what}). Start a new run instead, or restore the plan as it was.",
            added,
            removed,
            changed);
    }

    private static void Add(List<string> parts, string label, List<string> names)
    {
        const int Shown = 10;
        if (names.Count == 0)
        {
            return;
        }

        var text = string.Join(", ", names.Take(Shown));
        parts.Add(names.Count > Shown ? $"{label}: {text}, and {names.Count - Shown} more" : $"{label}: {text}");
    }
}

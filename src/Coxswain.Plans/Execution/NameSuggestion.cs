namespace Coxswain.Plans;

/// <summary>"Did you mean" hints: the closest known name by edit distance, when it is close enough.</summary>
internal static class NameSuggestion
{
    public static string? Closest(string name, IEnumerable<string> known, int maxCandidates = 10_000)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, (name.Length + 2) / 3);
        foreach (var candidate in known.Take(maxCandidates))
        {
            if (name.Length >= 4 && candidate.Length > name.Length && candidate.Contains(name, StringComparison.OrdinalIgnoreCase) && bestDistance > 0)
            {
                best ??= candidate;
                continue;
            }

            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var d = Distance(name, candidate);
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

namespace Coxswain.Engine.Docker;

/// <summary>Docker's label filter semantics, applied here too: every filter must match ("key" = present, "key=value" = equal).
/// Podman's compat API ORs several label filters for volumes and events, and ignores "key"-only filters on events.</summary>
internal static class LabelFilter
{
    public static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string>? filters)
    {
        if (filters is null)
        {
            return true;
        }

        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=', StringComparison.Ordinal);
            var matched = equals < 0
                ? labels.ContainsKey(filter)
                : labels.TryGetValue(filter[..equals], out var value) && value == filter[(equals + 1)..];
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}

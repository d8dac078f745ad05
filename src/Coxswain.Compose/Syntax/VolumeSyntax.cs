namespace Coxswain.Compose;

/// <summary>Splits the short volume syntax.</summary>
internal static class VolumeSyntax
{
    public static bool TrySplit(string text, out VolumeSpecParts parts, out string? error)
    {
        error = null;
        var pieces = text.Split(':');
        parts = new VolumeSpecParts(null, text, []);
        switch (pieces.Length)
        {
            case 1:
                parts = new VolumeSpecParts(null, pieces[0], []);
                break;
            case 2:
                parts = new VolumeSpecParts(pieces[0], pieces[1], []);
                break;
            case 3:
                parts = new VolumeSpecParts(pieces[0], pieces[1], pieces[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
            default:
                error = "expected \"source:target[:mode]\" or \"target\"";
                return false;
        }

        if (parts.Source is { Length: 0 })
        {
            error = "empty source before \":\"";
            return false;
        }

        if (parts.Target.Length == 0)
        {
            error = "empty container path";
            return false;
        }

        return true;
    }

    /// <summary>A bind source (a path) as opposed to a named volume.</summary>
    public static bool IsPath(string source) =>
        source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.StartsWith('$');
}

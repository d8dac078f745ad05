namespace Coxswain.Engine.Testing;

/// <summary>Image reference spelling as Docker shows it: "redis" is "redis:latest", "docker.io/library/redis:7" is "redis:7".</summary>
internal static class ImageReference
{
    public static string Normalize(string reference)
    {
        var value = reference.Trim();
        if (value.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return value;
        }

        foreach (var prefix in new[] { "docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/" })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                value = value[prefix.Length..];
                break;
            }
        }

        if (value.Contains('@', StringComparison.Ordinal))
        {
            return value;
        }

        var lastSlash = value.LastIndexOf('/');
        return value.IndexOf(':', lastSlash + 1) >= 0 ? value : value + ":latest";
    }

    /// <summary>The repository part ("redis" of "redis:7").</summary>
    public static string Repository(string reference)
    {
        var value = Normalize(reference);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return value[..at];
        }

        var lastSlash = value.LastIndexOf('/');
        var colon = value.IndexOf(':', lastSlash + 1);
        return colon >= 0 ? value[..colon] : value;
    }
}

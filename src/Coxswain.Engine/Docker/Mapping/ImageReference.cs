namespace Coxswain.Engine.Docker;

/// <summary>An image reference split the way <c>POST /images/create</c> wants it: "registry:5000/app:1.2" → ("registry:5000/app", "1.2");
/// no tag means "latest"; a digest reference stays whole with no tag.</summary>
internal readonly record struct ImageReference(string Repository, string? Tag)
{
    public static ImageReference Parse(string reference)
    {
        if (reference.Contains('@', StringComparison.Ordinal))
        {
            return new ImageReference(reference, null);
        }

        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > lastSlash
            ? new ImageReference(reference[..colon], reference[(colon + 1)..])
            : new ImageReference(reference, "latest");
    }

    /// <summary>Escapes a reference for a URL path, keeping '/' and ':' readable (the engine's router matches the rest of the path).</summary>
    public static string EscapeForPath(string reference) =>
        Uri.EscapeDataString(reference).Replace("%2F", "/", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal);
}

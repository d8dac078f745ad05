namespace Coxswain.Compose;

/// <summary>Shared empty values of the model.</summary>
internal static class ModelDefaults
{
    public static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>(StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, ComposeNode> EmptyExtensions = new Dictionary<string, ComposeNode>(StringComparer.Ordinal);
}

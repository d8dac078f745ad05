namespace Coxswain.Compose;

/// <summary>Builds the field paths shown in diagnostics: <c>services.api.ports[0]</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path of an item of <paramref name="node"/>: indexed, unless the list was made from a single value by the merge normalizer (same location as its item).</summary>
    public static string Item(ComposeNode node, string parent, int index) =>
        node is ComposeSequence { Items: [var only] } sequence && only.Location == sequence.Location ? parent
        : node is ComposeSequence ? Index(parent, index) : parent;
}

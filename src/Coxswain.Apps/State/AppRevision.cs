namespace Coxswain.Apps;

/// <summary>One version of an installed app: the Compose text it was installed from and the image id each service ran.</summary>
/// <param name="ComposeText">The Compose file's text.</param>
/// <param name="Images">Image per service: the reference and the image id it resolved to at install.</param>
public sealed record AppRevision(string ComposeText, IReadOnlyDictionary<string, AppImage> Images);

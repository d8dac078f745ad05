using Coxswain.Compose;

namespace Coxswain.Apps;

/// <summary>One app as loaded from the catalog (or from the text kept at its install).</summary>
/// <param name="Id">The app id (also the Compose project name).</param>
/// <param name="Project">The loaded Compose project.</param>
/// <param name="ComposeText">The Compose file's text.</param>
public sealed record AppDefinition(string Id, ComposeProject Project, string ComposeText);

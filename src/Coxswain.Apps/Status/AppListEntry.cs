namespace Coxswain.Apps;

/// <summary>One app of <see cref="AppManager.ListAsync"/>: in the catalog, installed, or both.</summary>
/// <param name="Id">The app id.</param>
/// <param name="InCatalog">True when the catalog has it.</param>
/// <param name="State">Its lifecycle state when installed, else null.</param>
public sealed record AppListEntry(string Id, bool InCatalog, AppInstallState? State)
{
    /// <summary>True when installed (in any lifecycle state).</summary>
    public bool Installed => State is not null;

    /// <summary>The summary of its containers when installed (see <see cref="AppStatus.Summary"/>), else "not installed".</summary>
    public string Summary { get; init; } = "not installed";
}

using Coxswain.Compose;

namespace Coxswain.Apps;

public sealed partial class AppManager
{
    /// <summary>
    /// The Compose project of an installed app as it runs: its recorded revision with the app labels (app id, image ids)
    /// on every service, so a supervisor computes the same config hashes as the install did. Null when the app is not
    /// installed or its recorded Compose text no longer loads.
    /// </summary>
    /// <param name="id">The app id.</param>
    public ComposeProject? InstalledProject(string id)
    {
        if (!AppIds.IsValid(id) || Store.Get(id) is not { State: AppInstallState.Installed } app)
        {
            return null;
        }

        var loaded = LoadRevision(id, app.Current, "current");
        return loaded.Succeeded ? AppStacks.Label(loaded.Value!, app.Current.Images) : null;
    }
}

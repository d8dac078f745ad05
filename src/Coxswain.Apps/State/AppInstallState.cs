namespace Coxswain.Apps;

/// <summary>Where an app is in its lifecycle, as the store keeps it (so a restarted host knows what was in flight).</summary>
public enum AppInstallState
{
    /// <summary>An install is running (or was, when the host stopped during it).</summary>
    Installing,

    /// <summary>Installed: its containers were up and ready when the last operation ended.</summary>
    Installed,

    /// <summary>An upgrade is running (or was); <see cref="InstalledApp.Previous"/> holds what to roll back to.</summary>
    Upgrading,

    /// <summary>A remove is running, or left something behind.</summary>
    Removing,
}

namespace Coxswain.Apps;

/// <summary>What the store keeps about one app.</summary>
/// <param name="Id">The app id.</param>
/// <param name="State">Its lifecycle state.</param>
/// <param name="Current">The version installed (or being installed or upgraded to).</param>
public sealed record InstalledApp(string Id, AppInstallState State, AppRevision Current)
{
    /// <summary>The version before the last upgrade (what a failed upgrade rolls back to), if any.</summary>
    public AppRevision? Previous { get; init; }

    /// <summary>When it was installed.</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

namespace Coxswain.Apps;

/// <summary>An app's state: the store's lifecycle state and each container's engine state.</summary>
/// <param name="Id">The app id.</param>
/// <param name="State">Installed, installing, upgrading, removing.</param>
/// <param name="Containers">Its containers.</param>
public sealed record AppStatus(string Id, AppInstallState State, IReadOnlyList<AppContainer> Containers)
{
    /// <summary>The services of the installed Compose file.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>
    /// One word for the whole app: <c>running</c> (every service's containers run), <c>stopped</c> (none runs),
    /// <c>partial</c> (some run, or a service has no container), or the lifecycle state while an operation is in flight.
    /// </summary>
    public string Summary
    {
        get
        {
            if (State != AppInstallState.Installed)
            {
                return State.ToString().ToLowerInvariant();
            }

            var missing = Services.Any(s => !Containers.Any(c => c.Service == s));
            if (Containers.Count > 0 && !missing && Containers.All(c => c.Running))
            {
                return "running";
            }

            return Containers.Any(c => c.Running) || (missing && Containers.Count > 0) ? "partial" : "stopped";
        }
    }
}
